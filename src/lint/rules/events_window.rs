//! `events-window`: the `Rusty Events between A - B` line spans the issue date to four
//! weeks later.

use crate::diagnostic::{Diagnostic, Level};
use crate::events::WINDOW_DAYS;
use crate::issue::edit::Edit;
use crate::lint::{Ctx, Lint};

pub static LINT: Lint = Lint {
    code: "events-window",
    default_level: Level::Error,
    unfinished: false,
    fixable: false,
    summary: "the events window does not run from the issue date to four weeks later",
    levels: "\
error: window dates that do not match the issue's date
warning: no `Rusty Events between` line",
    explain: "\
The events list opens with `Rusty Events between START - END 🦀`: START is the issue date
and END four weeks (28 days) later. A draft made by copying last week's issue keeps last
week's window.

Example (issue dated 2024-11-27):
    Rusty Events between 2024-11-20 - 2024-12-18 🦀
should be
    Rusty Events between 2024-11-27 - 2024-12-25 🦀",
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
    let end = date.saturating_add(jiff::Span::new().days(WINDOW_DAYS));
    let want = format!("{date} - {end}");
    let Some(window) = &events.window else {
        if !events.events.is_empty() {
            let heading = issue.headings[issue.sections[events.section].heading].span;
            out.push(
                Diagnostic::new(
                    LINT.code,
                    heading,
                    "events section has no `Rusty Events between` line",
                )
                .help(format!("add `Rusty Events between {want} 🦀`"))
                .warning(),
            );
        }
        return;
    };
    // Before 2022 the window was written `11/10-11/24` and spanned two weeks; only the
    // ISO form is held to the four-week rule.
    let written = issue.slice(window.dates_span);
    if !written.starts_with(|c: char| c.is_ascii_digit()) || written.contains('/') {
        return;
    }
    let message = match (window.start, window.end) {
        (Some(s), Some(e)) if s == date && e == end => return,
        (Some(s), Some(_)) if s != date => {
            format!("events window starts {s}, not on the issue date {date}")
        }
        (Some(_), Some(e)) => {
            format!("events window ends {e}, not four weeks after the issue date ({end})")
        }
        _ => "events window dates cannot be read".to_string(),
    };
    out.push(
        Diagnostic::new(LINT.code, window.dates_span, message)
            .help(format!("write `{want}`"))
            .suggestion("set the window", vec![Edit::new(window.dates_span, want)]),
    );
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    #[test]
    fn checks_the_window() {
        let ok = format!(
            "{HEADER}## Upcoming Events\n\nRusty Events between 2024-11-27 - 2024-12-25 🦀\n"
        );
        assert!(lines("events-window", &ok).is_empty());
        let bad = format!(
            "{HEADER}## Upcoming Events\n\nRusty Events between 2024-11-20 - 2024-12-18 🦀\n"
        );
        assert_eq!(lines("events-window", &bad), [8]);
        let end = format!(
            "{HEADER}## Upcoming Events\n\nRusty Events between 2024-11-27 - 2024-12-18 🦀\n"
        );
        assert_eq!(lines("events-window", &end), [8]);
    }
}
