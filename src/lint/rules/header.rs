//! `header`: the Pelican header — Title, Number, Date and Category present and agreeing
//! with each other, with the file name and with the previous issue.

use crate::diagnostic::{Diagnostic, Level};
use crate::issue::edit::Edit;
use crate::issue::{Kind, Span, header};
use crate::lint::{Ctx, Lint};
use std::path::Path;

pub static LINT: Lint = Lint {
    code: "header",
    default_level: Level::Error,
    unfinished: false,
    fixable: false,
    summary: "the header is missing a field or contradicts itself",
    levels: "\
error: a missing or unreadable header field, a blank line inside the header, a
       number or date that contradicts the title, the file name or the issue sequence
warning: a date on another weekday than the newsletter's",
    explain: "\
Every issue starts with `Title:`, `Number:`, `Date:` and `Category:` lines ended by one blank
line. The number in the title must equal `Number`, the date in the file name must equal
`Date`, the number must follow the previous issue's (one a week), and the date should be
the newsletter's weekday (a warning). A blank line inside the header ends it early: Pelican
then shows the remaining lines as text at the top of the issue.

Example:
    Title: This Week in Rust 573
    Number: 572
    Date: 2024-11-13",
    check: Some(check),
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    if issue.kind != Kind::Markdown {
        return;
    }
    let h = &issue.header;
    let start = Span::new(0, issue.lines.line_span(&issue.text, 1).end);
    if h.is_empty() {
        out.push(
            Diagnostic::new(LINT.code, start, "issue has no header")
                .help("start the file with `Title:`, `Number:`, `Date:` and `Category:` lines"),
        );
        return;
    }
    let whole = Span::new(0, h.fields.last().map_or(0, |f| f.line_span.end));
    if let Some(blank) = h.blank_inside {
        out.push(
            Diagnostic::new(
                LINT.code,
                blank,
                "blank line inside the header; Pelican stops reading the header here",
            )
            .help("remove the blank line")
            .suggestion("remove the blank line", vec![Edit::new(blank, "")]),
        );
    }
    let date = h.date();
    let modern = date.is_some_and(|d| d >= ctx.config.newsletter.reference_date);
    for key in ["Title", "Date", "Category"] {
        if h.get(key).is_none_or(|f| f.value.is_empty()) {
            out.push(Diagnostic::new(
                LINT.code,
                whole,
                format!("header has no `{key}`"),
            ));
        }
    }
    let number_field = h.get("Number");
    match number_field {
        None if modern => out.push(Diagnostic::new(LINT.code, whole, "header has no `Number`")),
        Some(f) if h.number().is_none() => {
            out.push(Diagnostic::new(
                LINT.code,
                f.value_span,
                format!("`Number: {}` is not a number", f.value),
            ));
        }
        _ => {}
    }
    if let Some(f) = h.get("Date")
        && date.is_none()
        && !f.value.is_empty()
    {
        out.push(Diagnostic::new(
            LINT.code,
            f.value_span,
            format!("`Date: {}` is not a date (YYYY-MM-DD)", f.value),
        ));
    }
    // The number at the end of the title must be the issue number.
    if let (Some(title), Some(number)) = (h.get("Title"), h.number()) {
        let digits: String = title
            .value
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect();
        let in_title: String = digits.chars().rev().collect();
        if !in_title.is_empty() && in_title != number.to_string() {
            out.push(
                Diagnostic::new(
                    LINT.code,
                    title.value_span,
                    format!("title says {in_title} but `Number` is {number}"),
                )
                .label(number_field.map_or(whole, |f| f.value_span), "number here"),
            );
        }
    }
    let Some(date) = date else {
        return;
    };
    let date_span = h.get("Date").map_or(whole, |f| f.value_span);
    let file = Path::new(&issue.name)
        .file_name()
        .and_then(|f| f.to_str())
        .unwrap_or("");
    if let Some(named) = header::date_in_file_name(file)
        && named != date
    {
        out.push(
            Diagnostic::new(
                LINT.code,
                date_span,
                format!("`Date` is {date} but the file name says {named}"),
            )
            .help("make the file name and the date agree"),
        );
    }
    if modern
        && let Some(want) = ctx.config.weekday()
        && date.weekday() != want
    {
        out.push(
            Diagnostic::new(
                LINT.code,
                date_span,
                format!("{date} is a {:?}, not a {want:?}", date.weekday()),
            )
            .warning(),
        );
    }
    let Some(number) = h.number() else {
        return;
    };
    let span = number_field.map_or(whole, |f| f.value_span);
    // The next number, or one per week since the previous issue when issues are
    // missing from the archive.
    let expected = match ctx.previous {
        Some(prev) => match (prev.number, prev.date) {
            (Some(n), Some(d)) => {
                let weeks = ((date - d).get_days() as f64 / 7.0).round() as i64;
                let by_weeks = u32::try_from(i64::from(n) + weeks.max(1)).ok();
                (number != n + 1 && Some(number) != by_weeks)
                    .then(|| (n + 1, format!("issue {n} of {d}")))
            }
            _ => None,
        },
        None if modern => ctx
            .config
            .number_for(date)
            .filter(|&e| e != number)
            .map(|e| {
                let nl = &ctx.config.newsletter;
                (
                    e,
                    format!("issue {} of {}", nl.reference_number, nl.reference_date),
                )
            }),
        None => None,
    };
    if let Some((want, basis)) = expected {
        out.push(
            Diagnostic::new(
                LINT.code,
                span,
                format!("issue number {number} does not follow {basis}"),
            )
            .help(format!("this issue should be number {want}")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    #[test]
    fn good_header_is_quiet() {
        assert!(lines("header", &format!("{HEADER}Text\n")).is_empty());
    }

    #[test]
    fn finds_problems() {
        let text = "Title: This Week in Rust 573\nNumber: 572\n\nDate: 2024-11-14\nCategory: This Week in Rust\n\nText\n";
        let (_, d) = diagnostics("header", text);
        let messages: Vec<_> = d.iter().map(|d| d.message.as_str()).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("blank line inside the header")),
            "{messages:?}"
        );
        assert!(
            messages.contains(&"title says 573 but `Number` is 572"),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("not a Wednesday")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("does not follow issue 424")),
            "{messages:?}"
        );
    }

    #[test]
    fn no_header() {
        assert_eq!(lines("header", "# Hello\n"), [1]);
    }
}
