//! GitHub's REST API as `twir gather` reads it: issue search with pagination and the
//! 1,000-result cap worked around by splitting the window, and the rustc-perf triage
//! reports listed through the contents API. Shapes are GitHub's documented JSON; only
//! the fields twir uses are read.

use crate::http::{Client, HttpError};
use jiff::ToSpan;
use jiff::civil::Date;
use serde::Deserialize;

/// GitHub's search returns at most this many results for one query.
const SEARCH_CAP: u64 = 1000;
/// Requests in flight at once: GitHub asks clients not to hammer it, and a handful already
/// hides most of the latency.
const PAGES_AT_ONCE: usize = 4;

/// One result of `GET /search/issues`.
#[derive(Clone, Debug, Deserialize)]
pub struct Item {
    pub number: u64,
    pub title: String,
    pub html_url: String,
    /// `https://api.github.com/repos/rust-lang/rust`
    pub repository_url: String,
    pub user: User,
    #[serde(default)]
    pub labels: Vec<Label>,
}

impl Item {
    /// `rust-lang/rust`
    pub fn repo(&self) -> &str {
        self.repository_url
            .split_once("/repos/")
            .map_or(self.repository_url.as_str(), |(_, r)| r)
    }

    pub fn has_label(&self, name: &str) -> bool {
        self.labels.iter().any(|l| l.name == name)
    }
}

#[derive(Clone, Debug, Deserialize)]
pub struct User {
    pub login: String,
    #[serde(rename = "type", default)]
    pub kind: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Label {
    pub name: String,
}

#[derive(Debug, Deserialize)]
struct SearchPage {
    total_count: u64,
    #[serde(default)]
    incomplete_results: bool,
    items: Vec<Item>,
}

/// The results of a search, all pages read.
#[derive(Debug, Default)]
pub struct Found {
    pub total: u64,
    pub items: Vec<Item>,
    /// What was done to get past the cap (`split by day`), for the summary.
    pub notes: Vec<String>,
}

/// The search URL of `query`, 100 results a page.
pub fn search_path(query: &str) -> String {
    let q: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("q", query)
        .append_pair("per_page", "100")
        .finish();
    format!("search/issues?{q}")
}

/// The github.com page of a search, as TWIR links it (`[merged]: ...`).
pub fn search_page_url(query: &str) -> String {
    let q: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("q", query)
        .finish();
    format!("https://github.com/search?{q}")
}

/// Every result of `query`, or `None` when there are more than GitHub returns. The
/// first page tells how many pages follow; a search budget too small for them stops here.
pub fn search(client: &Client, query: &str) -> Result<Option<Found>, HttpError> {
    let first = client.get(&search_path(query))?;
    let head: SearchPage = first.json()?;
    if head.total_count > SEARCH_CAP {
        return Ok(None);
    }
    let more = head.total_count.div_ceil(100).saturating_sub(1);
    if !first.cached {
        client.ensure_budget("search", more)?;
    }
    // The count tells every page's URL: fetch the rest at once, a few at a time.
    let rest: Vec<String> = (2..=more + 1)
        .map(|page| format!("{}&page={page}", search_path(query)))
        .collect();
    let mut pages = vec![first];
    for page in crate::par::map_on(PAGES_AT_ONCE, &rest, |url| client.get(url)) {
        pages.push(page?);
    }
    let mut found = Found::default();
    for page in &pages {
        let p: SearchPage = page.json()?;
        if p.incomplete_results {
            found
                .notes
                .push(format!("GitHub marked the results of `{query}` incomplete"));
        }
        found.total = p.total_count;
        found.items.extend(p.items);
    }
    Ok(Some(found))
}

/// PRs merged into the organization's repositories from `from` to `to` (inclusive, UTC).
/// Above GitHub's cap of 1,000 results the window is split by day, and a day above it by
/// repository (rust-lang/rust, then the rest).
pub fn merged_prs(client: &Client, org: &str, from: Date, to: Date) -> Result<Found, HttpError> {
    let query = |a: Date, b: Date, scope: &str| format!("is:pr {scope} is:merged merged:{a}..{b}");
    if let Some(found) = search(client, &query(from, to, &format!("org:{org}")))? {
        return Ok(found);
    }
    let mut all = Found {
        notes: vec![format!(
            "more than {SEARCH_CAP} merged PRs from {from} to {to}: searched day by day"
        )],
        ..Found::default()
    };
    let mut day = from;
    while day <= to {
        let whole = search(client, &query(day, day, &format!("org:{org}")))?;
        let parts = match whole {
            Some(f) => vec![f],
            None => {
                all.notes.push(format!(
                    "more than {SEARCH_CAP} merged PRs on {day}: searched rust-lang/rust apart"
                ));
                let main = format!("repo:{org}/rust");
                let rest = format!("org:{org} -repo:{org}/rust");
                let mut parts = Vec::new();
                for scope in [main, rest] {
                    match search(client, &query(day, day, &scope))? {
                        Some(f) => parts.push(f),
                        None => {
                            return Err(HttpError::Failed {
                                url: search_path(&query(day, day, &scope)),
                                message: format!(
                                    "more than {SEARCH_CAP} results even for one day and repository"
                                ),
                            });
                        }
                    }
                }
                parts
            }
        };
        for f in parts {
            all.total += f.total;
            all.items.extend(f.items);
            all.notes.extend(f.notes);
        }
        day = day.saturating_add(1.day());
    }
    Ok(all)
}

/// One file of the contents API.
#[derive(Clone, Debug, Deserialize)]
pub struct ContentFile {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub html_url: Option<String>,
    pub download_url: Option<String>,
}

/// The newest triage report of rust-lang/rustc-perf dated from `from` to `to`: reports up
/// to mid-2025 sit in `triage/`, later ones in `triage/YYYY/`.
pub fn triage_report(
    client: &Client,
    from: Date,
    to: Date,
) -> Result<Option<ContentFile>, HttpError> {
    let mut best: Option<(Date, ContentFile)> = None;
    let mut folders = vec![format!(
        "repos/rust-lang/rustc-perf/contents/triage/{}",
        to.year()
    )];
    if from.year() != to.year() {
        folders.push(format!(
            "repos/rust-lang/rustc-perf/contents/triage/{}",
            from.year()
        ));
    }
    folders.push("repos/rust-lang/rustc-perf/contents/triage".into());
    for folder in folders {
        let files: Vec<ContentFile> = match client.get(&folder) {
            Ok(r) => r.json()?,
            // A year without a folder yet.
            Err(HttpError::Status { status: 404, .. }) => continue,
            Err(e) => return Err(e),
        };
        for f in files.into_iter().filter(|f| f.kind == "file") {
            let Some(date) = f
                .name
                .strip_suffix(".md")
                .and_then(|d| d.parse::<Date>().ok())
            else {
                continue;
            };
            if date >= from && date <= to && best.as_ref().is_none_or(|(d, _)| date > *d) {
                best = Some((date, f));
            }
        }
        if best.is_some() {
            break;
        }
    }
    Ok(best.map(|(_, f)| f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repo_and_urls() {
        let item: Item = serde_json::from_str(
            r#"{"number":1,"title":"t","html_url":"h","repository_url":"https://api.github.com/repos/rust-lang/rust-clippy","user":{"login":"a","type":"User"},"labels":[{"name":"T-libs"}]}"#,
        )
        .unwrap();
        assert_eq!(item.repo(), "rust-lang/rust-clippy");
        assert!(item.has_label("T-libs"));
        assert_eq!(
            search_page_url("is:pr org:rust-lang is:merged merged:2025-10-14..2025-10-21"),
            "https://github.com/search?q=is%3Apr+org%3Arust-lang+is%3Amerged+merged%3A2025-10-14..2025-10-21"
        );
    }
}
