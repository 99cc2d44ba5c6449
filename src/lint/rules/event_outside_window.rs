//! `event-outside-window`: an event dated before the issue or after the window's end.

use crate::diagnostic::{Diagnostic, Level};
use crate::events::WINDOW_DAYS;
use crate::issue::Span;
use crate::issue::edit::Edit;
use crate::lint::{Ctx, Lint};

pub static LINT: Lint = Lint {
    code: "event-outside-window",
    default_level: Level::Error,
    unfinished: false,
    fixable: false,
    summary: "an event is dated outside the issue's events window",
    levels: "\
error: every finding: an event that is over, or beyond the window, misinforms",
    explain: "\
The events list shows what happens from the issue date to four weeks later. An event that
has already happened when the issue comes out (usually carried over from last week's
draft) or lies beyond the window does not belong. `twir new` and `twir events` drop them.

Example (issue dated 2024-04-10):
    * 2024-04-03 | Virtual (Cardiff, UK) | [Rust and C++ Cardiff](https://www.meetup.com/rust-and-c-plus-plus-in-cardiff/)",
    check: Some(check),
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    let Some(events) = &issue.events else {
        return;
    };
    let Some(date) = issue.date() else {
        return;
    };
    let window = events.window.as_ref();
    let start = window
        .and_then(|w| w.start)
        .filter(|&s| s >= date)
        .unwrap_or(date);
    let end = window
        .and_then(|w| w.end)
        .unwrap_or_else(|| date.saturating_add(jiff::Span::new().days(WINDOW_DAYS)));
    for ev in &events.events {
        let (Some(first), Some(last)) = (ev.start, ev.end) else {
            continue;
        };
        let message = if last < start {
            format!("event on {first} is before the issue date {start}")
        } else if first > end {
            format!("event on {first} is after the events window ends ({end})")
        } else {
            continue;
        };
        let lines = whole_lines(issue, ev.span);
        out.push(
            Diagnostic::new(LINT.code, ev.date_span().unwrap_or(ev.span), message)
                .help("remove the event")
                .suggestion("remove the event", vec![Edit::new(lines, "")]),
        );
    }
}

/// `span` widened to whole lines, with the final line ending.
pub(crate) fn whole_lines(issue: &crate::issue::Issue, span: Span) -> Span {
    let start = issue.lines.line_start(issue.lines.line_of(span.start));
    let end = issue.text[span.end..]
        .find('\n')
        .map_or(issue.text.len(), |i| span.end + i + 1);
    Span::new(start, end)
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    #[test]
    fn finds_stale_and_far_events() {
        let text = format!(
            "{HEADER}## Upcoming Events\n\nRusty Events between 2024-11-27 - 2024-12-25 🦀\n\n### Europe\n\
* 2024-11-20 | Paris, FR | [P](https://e.com/p)\n    * [**T**](https://e.com/t1)\n\
* 2024-11-27 | Paris, FR | [P](https://e.com/p)\n    * [**T**](https://e.com/t2)\n\
* 2024-11-26 - 2024-11-28 | Paris, FR | [P](https://e.com/p)\n    * [**T**](https://e.com/t3)\n\
* 2024-12-26 | Paris, FR | [P](https://e.com/p)\n    * [**T**](https://e.com/t4)\n"
        );
        assert_eq!(lines("event-outside-window", &text), [11, 17]);
    }
}
