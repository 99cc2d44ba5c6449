//! `event-format`: each event in TWIR's two-line form — `* DATE | LOCATION | [Organizer](url)`
//! then `    * [**Title**](url)` — with dates, separators and locations spelled as TWIR does.

use crate::config::Events;
use crate::diagnostic::{Diagnostic, Level};
use crate::events::location::{self, Weight};
use crate::issue::Span;
use crate::issue::edit::Edit;
use crate::lint::{Ctx, Lint};

pub static LINT: Lint = Lint {
    code: "event-format",
    default_level: Level::Error,
    unfinished: false,
    fixable: true,
    summary: "an event is not written in TWIR's two-line form",
    levels: "\
error: a date that cannot be read, an event line without its three fields, an event
       without a title line, a title line without a link, an unknown country code
warning (safe fix): a date or place spelled otherwise than the house form
       (`2024-04-15 & 2024-04-16`, `Munich, DE + Virtual`, `Copenhagen, Dk`), a title
       that is not bold
warning (suggested fix): a place completed or corrected from the gazetteer (`São Paulo,
       SP` → `São Paulo, SP, BR`, `Charlottesville, NC, US` → `..., VA, US`, a US or
       Canadian place without its state)
warning: a place twir cannot read or check, an event without an organizer link",
    explain: "\
An event is two lines: the date, the location and the organizer's link separated by ` | `,
then the event's title as a bold link on a line indented four spaces:

    * 2024-11-21 | Copenhagen, DK | [Copenhagen Rust Community](https://www.meetup.com/copenhagen-rust-community/)
        * [**Rust meetup #53**](https://www.meetup.com/copenhagen-rust-community/events/304608747/)

Dates are `YYYY-MM-DD` (a range `YYYY-MM-DD - YYYY-MM-DD`). Places read `City, CC`, or
`City, ST, CC` in the countries of `[events] state_required` (the US and Canada; a state
is optional elsewhere, `Sydney, AU` and `Sydney, NSW, AU` both fine). Virtual events read
`Virtual (City, CC)` (or name a country or part of the world: `Virtual (Israel)`), hybrid
ones `Hybrid (City, CC)` or `Virtual and In-Person (City, CC)` (`[events] hybrid` picks
the one fixes write). Places are checked against a gazetteer of GeoNames' cities: a state
or country is completed where it is missing, and a city written in the wrong state is
flagged.

Example:
    * 2024-04-16 | Munich, DE + Virtual | [Rust Munich](https://www.meetup.com/rust-munich/)
should read `Hybrid (Munich, DE)`.",
    check: Some(check),
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    let rules = &ctx.config.events;
    let Some(events) = &issue.events else {
        return;
    };
    for ev in &events.events {
        let line = issue.items[ev.item].line_span;
        if ev.fields.len() < 3 {
            out.push(
                Diagnostic::new(
                    LINT.code,
                    line,
                    "event line needs three fields: `DATE | LOCATION | [Organizer](url)`",
                )
                .help("separate the fields with ` | `"),
            );
            continue;
        }
        let date_span = ev.fields[0];
        let date = issue.slice(date_span);
        if ev.start.is_none() {
            out.push(Diagnostic::new(
                LINT.code,
                date_span,
                format!("`{date}` is not a date (YYYY-MM-DD)"),
            ));
        } else if !canonical_date(date) {
            let want = match (ev.start, ev.end) {
                (Some(a), Some(b)) if a != b => format!("{a} - {b}"),
                (Some(a), _) => a.to_string(),
                _ => String::new(),
            };
            out.push(
                Diagnostic::new(
                    LINT.code,
                    date_span,
                    format!("date `{date}` is not written as TWIR writes dates"),
                )
                .help(format!("write `{want}`"))
                .safe_fix("rewrite the date", vec![Edit::new(date_span, want)])
                .warning(),
            );
        }
        location_finding(&ev.location, ev.fields[1], rules, out);
        if ev.organizers.is_empty() {
            out.push(
                Diagnostic::new(LINT.code, ev.fields[2], "event has no organizer link").warning(),
            );
        }
        if ev.title_items.is_empty() {
            out.push(
                Diagnostic::new(LINT.code, line, "event has no title line")
                    .help("add `    * [**Title**](event url)` on the next line"),
            );
            continue;
        }
        for &t in &ev.title_items {
            let item = &issue.items[t];
            let text = issue.slice(item.content);
            // The first link is the event's title; later ones (a mirror, a map) may be plain.
            let first = ev
                .titles
                .iter()
                .find(|&&l| item.span.encloses(issue.links[l].span));
            let Some(&l) = first else {
                out.push(Diagnostic::new(
                    LINT.code,
                    item.content,
                    format!(
                        "event title line `{}` has no link",
                        crate::lint::util::shorten(text, 40)
                    ),
                ));
                continue;
            };
            let span = issue.links[l].text_span;
            let link_text = issue.slice(span);
            if !(link_text.starts_with("**") && link_text.ends_with("**")) {
                let want = format!("**{}**", link_text.trim_matches('*'));
                out.push(
                    Diagnostic::new(LINT.code, span, "event title is not bold")
                        .help(format!("write `[{want}](...)`"))
                        .safe_fix("make the title bold", vec![Edit::new(span, want)])
                        .warning(),
                );
            }
        }
    }
}

/// The finding about one written location, if any.
fn location_finding(written: &str, span: Span, rules: &Events, out: &mut Vec<Diagnostic>) {
    let Some(settled) = location::check(written, rules) else {
        out.push(
            Diagnostic::new(
                LINT.code,
                span,
                format!("location `{written}` cannot be read"),
            )
            .help("write `City, CC`, `City, ST, CC`, `Virtual (City, CC)` or `Hybrid (City, CC)`")
            .warning(),
        );
        return;
    };
    let Some(weight) = settled.weight() else {
        return;
    };
    let want = settled.location.format(&rules.hybrid);
    let message = settled
        .notes
        .iter()
        .max_by_key(|n| n.weight)
        .map_or_else(String::new, |n| n.message.clone());
    let mut d = Diagnostic::new(LINT.code, span, message);
    if settled.notes.len() > 1 {
        let rest: Vec<&str> = settled
            .notes
            .iter()
            .map(|n| n.message.as_str())
            .filter(|m| *m != d.message)
            .collect();
        d = d.label(span, rest.join("; "));
    }
    d = match weight {
        Weight::Spelling => d
            .help(format!("write `{want}`"))
            .safe_fix(
                "write the location in the house form",
                vec![Edit::new(span, want)],
            )
            .warning(),
        Weight::Correction => d
            .help(format!("write `{want}`"))
            .suggestion("complete the location", vec![Edit::new(span, want)])
            .warning(),
        Weight::Doubt => d.warning(),
        Weight::Error => {
            d.help("use the two-letter ISO 3166 code (TWIR writes `UK` for the United Kingdom)")
        }
    };
    out.push(d);
}

/// `2024-11-21` or `2024-11-21 - 2024-11-23`.
fn canonical_date(s: &str) -> bool {
    let one = |d: &str| d.len() == 10 && crate::issue::header::parse_date(d).is_some();
    match s.split_once(" - ") {
        Some((a, b)) => one(a) && one(b),
        None => one(s),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;
    use crate::diagnostic::Level;

    #[test]
    fn good_events_are_quiet() {
        let text = format!(
            "{HEADER}## Upcoming Events\n\n### Europe\n\
* 2024-11-21 | Copenhagen, DK | [C](https://e.com/c)\n    * [**Meetup #53**](https://e.com/c/53)\n\
* 2024-11-21 - 2024-11-22 | Virtual and In-Person (Boston, MA, US) | [B](https://e.com/b) + [C](https://e.com/c2)\n    * [**Hack**](https://e.com/h) | [**Mirror**](https://e.com/m)\n"
        );
        assert!(
            lines("event-format", &text).is_empty(),
            "{:?}",
            diagnostics("event-format", &text).1
        );
    }

    #[test]
    fn finds_format_problems() {
        let text = format!(
            "{HEADER}## Upcoming Events\n\n### Europe\n\
* 2024-04-15 & 2024-04-16 | Virtual | [M](https://e.com/m)\n    * [**W**](https://e.com/w)\n\
* 2024-04-16 | Munich, DE + Virtual | [R](https://e.com/r)\n    * [**H**](https://e.com/h)\n\
* 2024-12-08 | Canberra, AU | [C](https://e.com/c)\n    * [CRUG Xmas party](https://e.com/x)\n\
* 2023-12-19 | Virtual (Linz, AT) [Rust Linz](https://e.com/l)\n    * [**L**](https://e.com/l1)\n\
* 2024-12-09 | Oslo, NO | [O](https://e.com/o)\n"
        );
        assert_eq!(
            findings("event-format", &text),
            [
                (9, Level::Warn),
                (11, Level::Warn),
                (14, Level::Warn),
                (15, Level::Error),
                (17, Level::Error),
            ]
        );
        let fixed = fixed("event-format", &text);
        assert!(
            fixed.contains("* 2024-04-15 - 2024-04-16 | Virtual |"),
            "{fixed}"
        );
        assert!(fixed.contains("| Hybrid (Munich, DE) |"), "{fixed}");
        assert!(fixed.contains("[**CRUG Xmas party**]"), "{fixed}");
    }

    /// The spellings of 2024–2026 drafts: house style or a warning, never an error.
    #[test]
    fn todays_spellings_are_at_most_warnings() {
        let event = |loc: &str| {
            format!("* 2024-11-21 | {loc} | [O](https://e.com/o)\n    * [**T**](https://e.com/t)\n")
        };
        let quiet = [
            "Hybrid (Vancouver, BC, CA)",
            "Hybrid (Seattle, WA, US)",
            "Hybrid (Paris, FR)",
            "Hybrid (Seattle/Bellevue, WA, US)",
            "Virtual and In-Person (Lehi, UT, US)",
            "Sydney, AU",
            "Melbourne, AU",
            "Los Angeles (Chino Hills), CA, US",
            "Nuremberg/Nürnberg, DE",
            "München, DE",
            "Praha, CZ",
            "Virtual (Israel)",
            "Virtual (Europe)",
        ];
        for loc in quiet {
            let text = format!("{HEADER}## Upcoming Events\n\n### Europe\n{}", event(loc));
            assert_eq!(findings("event-format", &text), [], "{loc}");
        }
        for (loc, want, safe) in [
            (
                "Virtual + In-Person (Berlin, DE)",
                "Hybrid (Berlin, DE)",
                true,
            ),
            ("Virtual and In-Person (Berlin, DE)", "", true),
            (
                "Hybrid - Virtual and In-Person (Paris, FR)",
                "Hybrid (Paris, FR)",
                true,
            ),
            ("Munich, DE + Virtual", "Hybrid (Munich, DE)", true),
            ("São Paulo, SP", "São Paulo, SP, BR", false),
            ("Portland, OR", "Portland, OR, US", false),
            ("Minneapolis, MN US", "Minneapolis, MN, US", true),
            ("Charlottesville, NC, US", "Charlottesville, VA, US", false),
            ("Toronto, CA", "Toronto, ON, CA", false),
        ] {
            let text = format!("{HEADER}## Upcoming Events\n\n### Europe\n{}", event(loc));
            let (_, found) = diagnostics("event-format", &text);
            if want.is_empty() {
                assert!(found.is_empty(), "{loc}: {found:?}");
                continue;
            }
            assert_eq!(found.len(), 1, "{loc}: {found:?}");
            let fix = found[0].fix.as_ref().expect("a fix");
            assert_eq!(found[0].level, Level::Warn, "{loc}");
            assert_eq!(fix.edits[0].replacement, want, "{loc}");
            assert_eq!(fix.safe, safe, "{loc}");
        }
        let text = format!(
            "{HEADER}## Upcoming Events\n\n### Europe\n{}",
            event("Nowhere, ZZ")
        );
        assert_eq!(findings("event-format", &text), [(9, Level::Error)]);
    }
}
