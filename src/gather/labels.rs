//! Items that entered a label during the week: open issues and PRs carrying a label
//! (`call-for-testing`, `final-comment-period`) by search, kept only when the label was
//! added inside the window according to the item's events — as TWIR's
//! `generate_cft_fcp.py` does, with the events of several items fetched at once.

use super::github::{self, Item};
use crate::http::{Client, HttpError};
use jiff::civil::Date;
use serde::Deserialize;

/// Requests in flight at once.
const AT_ONCE: usize = 4;

/// One repository's list in a section: its name as the issue prints it, its page, and
/// what to search.
#[derive(Clone, Copy, Debug)]
pub struct Group {
    pub name: &'static str,
    pub url: &'static str,
    pub repo: &'static str,
    /// Labels an item must carry besides the tracked one (`major-change` for MCPs).
    pub also: &'static [&'static str],
}

#[derive(Debug, Deserialize)]
struct Event {
    event: String,
    created_at: String,
    label: Option<github::Label>,
}

/// The open items of each group carrying `label`, that got it from `from` to `to` (UTC),
/// in the groups' order.
pub fn entered(
    client: &Client,
    groups: &[Group],
    label: &str,
    from: Date,
    to: Date,
) -> Result<Vec<(Group, Vec<Item>)>, HttpError> {
    let searches = crate::par::map_on(AT_ONCE, groups, |g| {
        let mut query = format!("repo:{} state:open label:{label}", g.repo);
        for extra in g.also {
            query.push_str(&format!(" label:{extra}"));
        }
        github::search(client, &query)
    });
    let mut candidates: Vec<(usize, Item)> = Vec::new();
    for (i, found) in searches.into_iter().enumerate() {
        let found = found?.unwrap_or_default();
        candidates.extend(found.items.into_iter().map(|it| (i, it)));
    }
    client.ensure_budget("core", candidates.len() as u64)?;
    let kept = crate::par::map_on(AT_ONCE, &candidates, |(_, item)| {
        added_in(client, item, label, from, to)
    });
    let mut out: Vec<(Group, Vec<Item>)> = groups.iter().map(|g| (*g, Vec::new())).collect();
    for ((i, item), keep) in candidates.into_iter().zip(kept) {
        if keep? {
            out[i].1.push(item);
        }
    }
    Ok(out)
}

/// Whether `label` was last added to the item inside the window.
fn added_in(
    client: &Client,
    item: &Item,
    label: &str,
    from: Date,
    to: Date,
) -> Result<bool, HttpError> {
    let path = format!(
        "repos/{}/issues/{}/events?per_page=100",
        item.repo(),
        item.number
    );
    let mut last: Option<Date> = None;
    for page in client.get_pages(&path)? {
        let events: Vec<Event> = page.json()?;
        for e in events {
            if e.event == "labeled" && e.label.as_ref().is_some_and(|l| l.name == label) {
                last = e.created_at.get(..10).and_then(|d| d.parse().ok()).or(last);
            }
        }
    }
    Ok(last.is_some_and(|d| d >= from && d <= to))
}

/// `A`, `A or B`, `A, B or C`: how TWIR joins the names in its "No ... this week for"
/// sentences.
pub fn join_or(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// `[disposition: merge] ` from an item's `disposition-*` label.
pub fn disposition(item: &Item) -> &'static str {
    if item.has_label("disposition-merge") {
        "[disposition: merge] "
    } else if item.has_label("disposition-close") {
        "[disposition: close] "
    } else if item.has_label("disposition-postpone") {
        "[disposition: postpone] "
    } else {
        "[disposition: unspecified] "
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins() {
        let n = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(join_or(&n(&["A"])), "A");
        assert_eq!(join_or(&n(&["A", "B"])), "A or B");
        assert_eq!(join_or(&n(&["A", "B", "C"])), "A, B or C");
    }
}
