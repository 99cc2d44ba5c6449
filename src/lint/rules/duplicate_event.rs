//! `duplicate-event`: the same event listed twice — by URL, or by organizer, date and title.

use crate::diagnostic::{Diagnostic, Level};
use crate::events::{Event, Region};
use crate::issue::Issue;
use crate::lint::{Ctx, Lint};
use std::collections::HashMap;

pub static LINT: Lint = Lint {
    code: "duplicate-event",
    default_level: Level::Error,
    unfinished: false,
    fixable: false,
    summary: "an event is listed twice",
    levels: "\
error: every finding: the same event twice is a wrong fact for readers (a hybrid
       event under Virtual and under its continent is not a duplicate)",
    explain: "\
Events reach the list from several calendars, so the same meetup arrives twice: under the
same URL in two regions, or under two URLs with the same organizer, date and title. List
it once per region: TWIR lists a hybrid event under Virtual and under its continent, but
never twice in one region or under two continents. A URL of one occurrence (a Meetup or
Eventbrite event page) listed on two dates is a copy-paste error.

Example:
    ### Virtual
    * 2024-11-28 | Virtual (Nürnberg, DE) | [Rust Nuremberg](https://www.meetup.com/rust-noris/)
        * [**Rust Nürnberg online**](https://www.meetup.com/rust-noris/events/300820276/)
    * 2024-12-12 | Virtual (Nürnberg, DE) | [Rust Nuremberg](https://www.meetup.com/rust-noris/)
        * [**Rust Nürnberg online**](https://www.meetup.com/rust-noris/events/300820276/)",
    check: Some(check),
};

/// Whether the URL names one occurrence of an event rather than a recurring room or page.
fn is_occurrence(url: &str) -> bool {
    url.contains("/events/") && !url.trim_end_matches('/').ends_with("/events")
        || url.contains("eventbrite.") && url.contains("/e/")
        || url.contains("lu.ma/") && !url.contains("lu.ma/calendar")
}

/// TWIR lists a hybrid event twice on purpose, on its date: under Virtual and under its
/// continent.
fn cross_listed(a: &Event, b: &Event) -> bool {
    let virtual_ = |e: &Event| e.region == Some(Region::Virtual);
    let continent = |e: &Event| e.region.is_some_and(|r| r != Region::Virtual);
    a.start == b.start && ((virtual_(a) && continent(b)) || (continent(a) && virtual_(b)))
}

fn title_text(issue: &Issue, ev: &Event) -> String {
    ev.titles
        .first()
        .map(|&l| {
            issue
                .slice(issue.links[l].text_span)
                .replace('*', "")
                .trim()
                .to_lowercase()
        })
        .unwrap_or_default()
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    let Some(events) = &issue.events else {
        return;
    };
    let mut by_url: HashMap<String, Vec<&Event>> = HashMap::new();
    let mut by_key: HashMap<(String, String, String), &Event> = HashMap::new();
    for ev in &events.events {
        let mut reported = false;
        let mut urls: Vec<String> = ev
            .titles
            .iter()
            .map(|&l| crate::url::normalise(&issue.links[l].dest))
            .collect();
        // A mirror that repeats the event's own link is still one event.
        let mut own = std::collections::HashSet::new();
        urls.retain(|u| own.insert(u.clone()));
        for url in urls {
            let earlier = by_url.entry(url.clone()).or_default();
            let twin = earlier.iter().find(|first| {
                !cross_listed(first, ev) && (first.start == ev.start || is_occurrence(&url))
            });
            if let Some(first) = twin
                && !reported
            {
                push(issue, out, ev, first, "event is listed twice (same link)");
                reported = true;
            }
            earlier.push(ev);
        }
        if reported {
            continue;
        }
        let organizer = ev
            .organizers
            .first()
            .map(|&l| crate::url::normalise(&issue.links[l].dest))
            .unwrap_or_default();
        let title = title_text(issue, ev);
        if organizer.is_empty() || title.is_empty() {
            continue;
        }
        let date = ev.start.map(|d| d.to_string()).unwrap_or_default();
        match by_key.get(&(organizer.clone(), date.clone(), title.clone())) {
            Some(first) if cross_listed(first, ev) => {}
            Some(first) => push(
                issue,
                out,
                ev,
                first,
                "event is listed twice (same organizer, date and title)",
            ),
            None => {
                by_key.insert((organizer, date, title), ev);
            }
        }
    }
}

fn push(issue: &Issue, out: &mut Vec<Diagnostic>, ev: &Event, first: &Event, message: &str) {
    out.push(
        Diagnostic::new(LINT.code, issue.items[ev.item].line_span, message)
            .label(issue.items[first.item].line_span, "first listed here")
            .help("keep one of them"),
    );
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    #[test]
    fn finds_duplicates() {
        let text = format!(
            "{HEADER}## Upcoming Events\n\n### Virtual\n\
* 2024-04-11 | Virtual (Berlin, DE) | [B](https://e.com/b)\n    * [**Hack**](https://meet.jit.si/Hack)\n\
* 2024-04-25 | Virtual (Berlin, DE) | [B](https://e.com/b)\n    * [**Hack**](https://meet.jit.si/Hack)\n\
* 2024-11-28 | Virtual (Nürnberg, DE) | [N](https://e.com/n)\n    * [**Online**](https://www.meetup.com/rust-noris/events/300820276/)\n\
* 2024-12-12 | Virtual (Nürnberg, DE) | [N](https://e.com/n)\n    * [**Online**](https://www.meetup.com/rust-noris/events/300820276/)\n\n\
### Europe\n* 2024-04-11 | Berlin, DE | [B](https://e.com/b)\n    * [**Hack**](https://www.meetup.com/b/events/1/)\n\
* 2024-04-12 | Paris, FR | [P](https://e.com/p)\n    * [**Meetup**](https://e.com/p/1)\n\
* 2024-04-12 | Paris, FR | [P](https://e.com/p)\n    * [**Meetup**](https://e.com/p/2)\n"
        );
        assert_eq!(lines("duplicate-event", &text), [15, 23]);
    }

    #[test]
    fn hybrid_events_stand_twice_on_purpose() {
        let text = format!(
            "{HEADER}## Upcoming Events\n\n### Virtual\n\
* 2024-11-14 | Hybrid (Seattle/Bellevue, WA, US) | [S](https://e.com/s)\n    * [**Monthly**](https://www.meetup.com/s/events/1/) | [**Mirror**](https://www.meetup.com/s/events/1/)\n\
* 2024-11-19 | Virtual (Stuttgart, DE) | [R](https://e.com/r)\n    * [**Rust-Meetup**](https://www.meetup.com/r/events/2/)\n\n\
### Europe\n\
* 2024-11-21 | Stuttgart, DE | [R](https://e.com/r)\n    * [**Rust-Meetup**](https://www.meetup.com/r/events/2/)\n\n\
### North America\n\
* 2024-11-14 | Hybrid (Seattle/Bellevue, WA, US) | [S](https://e.com/s)\n    * [**Monthly**](https://www.meetup.com/s/events/1/)\n\
* 2024-11-14 | Seattle, WA, US | [S](https://e.com/s)\n    * [**Monthly**](https://www.meetup.com/s/events/1/)\n"
        );
        // Seattle under Virtual and North America is one hybrid event (its mirror repeats
        // its own link); Stuttgart's one page under two dates and Seattle twice in North
        // America are duplicates.
        assert_eq!(lines("duplicate-event", &text), [15, 21]);
    }
}
