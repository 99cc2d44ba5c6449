//! `event-format`: each event in TWIR's two-line form — `* DATE | LOCATION | [Organizer](url)`
//! then `    * [**Title**](url)` — with dates, separators and locations spelled as TWIR does.

use crate::diagnostic::{Diagnostic, Level};
use crate::events::location::{self, Problem};
use crate::issue::edit::Edit;
use crate::lint::{Ctx, Lint};

pub static LINT: Lint = Lint {
    code: "event-format",
    default_level: Level::Error,
    unfinished: false,
    fixable: false,
    summary: "an event is not written in TWIR's two-line form",
    explain: "\
An event is two lines: the date, the location and the organizer's link separated by ` | `,
then the event's title as a bold link on a line indented four spaces:

    * 2024-11-21 | Copenhagen, DK | [Copenhagen Rust Community](https://www.meetup.com/copenhagen-rust-community/)
        * [**Rust meetup #53**](https://www.meetup.com/copenhagen-rust-community/events/304608747/)

Dates are `YYYY-MM-DD` (a range `YYYY-MM-DD - YYYY-MM-DD`). Locations read `City, CC`,
`City, ST, CC` for the US, Canada and Australia, `Virtual (City, CC)` or
`Virtual and In-Person (City, CC)`.

Example:
    * 2024-04-16 | Munich, DE + Virtual | [Rust Munich](https://www.meetup.com/rust-munich/)
should read `Virtual and In-Person (Munich, DE)`.",
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
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
                .suggestion("rewrite the date", vec![Edit::new(date_span, want)]),
            );
        }
        let loc_span = ev.fields[1];
        match location::parse(&ev.location) {
            Ok(_) => {}
            Err(Problem::Form(Some(loc))) => {
                let want = loc.to_string();
                let mut d = Diagnostic::new(
                    LINT.code,
                    loc_span,
                    format!("location `{}` is not in TWIR's form", ev.location),
                )
                .help(format!("write `{want}`"));
                if loc.validate().is_ok() {
                    d = d.suggestion("rewrite the location", vec![Edit::new(loc_span, want)]);
                }
                out.push(d);
            }
            Err(Problem::Form(None)) => out.push(
                Diagnostic::new(LINT.code, loc_span, format!("location `{}` cannot be read", ev.location))
                    .help("write `City, CC`, `City, ST, CC`, `Virtual (City, CC)` or `Virtual and In-Person (City, CC)`"),
            ),
            Err(p @ Problem::MissingState(_)) => out.push(
                Diagnostic::new(LINT.code, loc_span, p.to_string())
                    .help("US, Canadian and Australian places read `City, ST, CC`, e.g. `Canberra, ACT, AU`"),
            ),
            Err(p @ Problem::UnknownState(..)) => {
                out.push(Diagnostic::new(LINT.code, loc_span, p.to_string()));
            }
            Err(p @ Problem::UnknownCountry(_)) => out.push(
                Diagnostic::new(LINT.code, loc_span, p.to_string())
                    .help("use the two-letter ISO code (TWIR writes `UK` for the United Kingdom)"),
            ),
        }
        if ev.organizers.is_empty() {
            out.push(Diagnostic::new(
                LINT.code,
                ev.fields[2],
                "event has no organizer link",
            ));
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
            let mut links = ev
                .titles
                .iter()
                .filter(|&&l| item.span.encloses(issue.links[l].span));
            let mut any = false;
            if let Some(&l) = links.next() {
                any = true;
                let link_text = issue.slice(issue.links[l].text_span);
                if !(link_text.starts_with("**") && link_text.ends_with("**")) {
                    out.push(
                        Diagnostic::new(
                            LINT.code,
                            issue.links[l].text_span,
                            "event title is not bold",
                        )
                        .help(format!(
                            "write `[**{}**](...)`",
                            link_text.trim_matches('*')
                        )),
                    );
                }
            }
            if !any {
                out.push(Diagnostic::new(
                    LINT.code,
                    item.content,
                    format!(
                        "event title line `{}` has no link",
                        crate::lint::util::shorten(text, 40)
                    ),
                ));
            }
        }
    }
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
        assert_eq!(lines("event-format", &text), [9, 11, 13, 14, 15, 17]);
    }
}
