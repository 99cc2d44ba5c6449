//! `event-order`: events within a region sorted by date, then location.

use crate::diagnostic::{Diagnostic, Level};
use crate::events::Event;
use crate::issue::Issue;
use crate::issue::edit::Edit;
use crate::lint::{Ctx, Lint};

pub static LINT: Lint = Lint {
    code: "event-order",
    default_level: Level::Warn,
    unfinished: false,
    fixable: true,
    summary: "events in a region are not sorted by date and location",
    levels: "\
warning: every finding, with a safe fix that sorts the region when its events stand
         together: the order does not change a fact",
    explain: "\
Within each region (Virtual, Africa, Asia, ...) events are listed by date, and events on
the same date by location, so readers can scan the weeks ahead. `twir check --fix`
re-orders each region's events, moving every event together with its title lines.

Example:
    * 2023-04-20 | Munich, DE | [Rust Munich](https://www.meetup.com/rust-munich/)
    * 2023-04-20 | Bern, CH | [Rust Bern](https://www.meetup.com/de-DE/rust-bern/)
Bern comes before Munich.",
    check: Some(check),
};

/// How events are ordered: date, then location (case-insensitive).
pub fn sort_key(ev: &Event) -> (Option<jiff::civil::Date>, String) {
    (ev.sort_date(), ev.location.to_lowercase())
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    let Some(events) = &issue.events else {
        return;
    };
    // Group events by the region section they stand in, keeping their order.
    let mut groups: Vec<(Option<usize>, Vec<&Event>)> = Vec::new();
    for ev in &events.events {
        match groups.last_mut() {
            Some((section, list)) if *section == ev.region_section => list.push(ev),
            _ => groups.push((ev.region_section, vec![ev])),
        }
    }
    for (section, list) in groups {
        let Some(bad) = list
            .windows(2)
            .position(|w| sort_key(w[1]) < sort_key(w[0]))
        else {
            continue;
        };
        let (prev, ev) = (list[bad], list[bad + 1]);
        // Out of order, every event is still there with its date: a warning.
        let dates_out = list.windows(2).any(|w| w[1].sort_date() < w[0].sort_date());
        let region = section.map_or("the events list".to_string(), |s| {
            format!("`{}`", issue.sections[s].title)
        });
        let mut d = Diagnostic::new(
            LINT.code,
            issue.items[ev.item].line_span,
            if dates_out {
                format!("events under {region} are not sorted by date")
            } else {
                format!("events under {region} on the same day are not sorted by location")
            },
        )
        .label(
            issue.items[prev.item].line_span,
            "this event should come after",
        )
        .help("sort the region's events by date, then location");
        if let Some(edit) = reorder(issue, &list) {
            d = d.safe_fix("sort the region's events", vec![edit]);
        }
        out.push(d);
    }
}

/// One edit that rewrites the region's events in order, when they stand one after the
/// other with nothing but line breaks between them.
fn reorder(issue: &Issue, list: &[&Event]) -> Option<Edit> {
    let contiguous = list
        .windows(2)
        .all(|w| issue.text.get(w[0].span.end..w[1].span.start) == Some("\n"));
    if !contiguous {
        return None;
    }
    let mut sorted = list.to_vec();
    sorted.sort_by_key(|ev| sort_key(ev));
    let text = sorted
        .iter()
        .map(|ev| issue.slice(ev.span))
        .collect::<Vec<_>>()
        .join("\n");
    let span = crate::issue::Span::new(list[0].span.start, list[list.len() - 1].span.end);
    Some(Edit::new(span, text))
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    const TEXT: &str = "## Upcoming Events\n\nRusty Events between 2024-11-27 - 2024-12-25 🦀\n\n### Europe\n\
* 2024-11-28 | Munich, DE | [M](https://e.com/m)\n    * [**T**](https://e.com/t1)\n\
* 2024-11-28 | Bern, CH | [B](https://e.com/b)\n    * [**U**](https://e.com/t2)\n\
* 2024-11-27 | Paris, FR | [P](https://e.com/p)\n    * [**V**](https://e.com/t3)\n\n### Asia\n\
* 2024-11-30 | Tokyo, JP | [R](https://e.com/r)\n    * [**W**](https://e.com/t4)\n";

    #[test]
    fn finds_and_sorts() {
        let text = format!("{HEADER}{TEXT}");
        assert_eq!(lines("event-order", &text), [13]);
        let fixed = fixed("event-order", &text);
        let paris = fixed.find("Paris").unwrap();
        let bern = fixed.find("Bern").unwrap();
        let munich = fixed.find("Munich").unwrap();
        assert!(paris < bern && bern < munich, "{fixed}");
        assert!(fixed.contains("Bern, CH | [B](https://e.com/b)\n    * [**U**]"));
        assert_eq!(fixed.len(), text.len());
        assert!(lines("event-order", &fixed).is_empty(), "idempotent");
    }
}
