//! Where the events list sits in a draft: the bytes between the `Rusty Events between ...`
//! line and the paragraph after the list, so a new list replaces exactly those bytes.

use super::{Region, WINDOW_PREFIX};
use crate::issue::{Issue, Span};

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SpliceError {
    #[error("no `## Upcoming Events` section with a `{WINDOW_PREFIX} ...` line")]
    NoWindow,
    #[error(
        "line {line}: the events list is interrupted by text that is not an event; \
         fix the list by hand first"
    )]
    Interrupted { line: usize },
}

/// The span after the window line's end up to the start of the paragraph that follows the
/// list (or the end of the text), and the window line's span.
pub fn list_span(issue: &Issue) -> Result<(Span, Span), SpliceError> {
    let section = issue.events.as_ref().ok_or(SpliceError::NoWindow)?;
    let window = section.window.as_ref().ok_or(SpliceError::NoWindow)?;
    let text = &issue.text;
    let start = window.span.end;
    let mut at = start;
    // Skip the line break that ends the window line.
    if text[at..].starts_with('\n') {
        at += 1;
    }
    let mut end = text.len();
    while at < text.len() {
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let line = &text[at..line_end];
        let in_list = line.trim().is_empty()
            || line.starts_with(char::is_whitespace)
            || line.starts_with("* ")
            || line.starts_with("- ")
            || line
                .strip_prefix("### ")
                .is_some_and(|t| Region::from_heading(t).is_some());
        if !in_list {
            end = at;
            break;
        }
        at = (line_end + 1).min(text.len());
    }
    if let Some(last) = section.events.iter().map(|e| e.span.end).max()
        && last > end
    {
        return Err(SpliceError::Interrupted {
            line: issue.lines.line_of(end),
        });
    }
    Ok((Span::new(start, end), window.span))
}

/// `text` with the list replaced by `list` (as [`super::record::render_list`] makes it),
/// and the window line's dates by `dates` (`2024-01-03 - 2024-01-31`). Every other byte
/// stays as it was.
pub fn splice(issue: &Issue, list: &str, dates: &str) -> Result<String, SpliceError> {
    let (span, _) = list_span(issue)?;
    let window = issue
        .events
        .as_ref()
        .and_then(|e| e.window.as_ref())
        .ok_or(SpliceError::NoWindow)?
        .dates_span;
    let text = &issue.text;
    let tail = if span.end == text.len() { "\n" } else { "\n\n" };
    let body = if list.is_empty() {
        "\n".to_string()
    } else {
        format!("\n\n{list}{tail}")
    };
    let mut out = String::with_capacity(text.len() + list.len());
    out.push_str(&text[..window.start]);
    out.push_str(dates);
    out.push_str(&text[window.end..span.start]);
    out.push_str(&body);
    out.push_str(&text[span.end..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DRAFT: &str = "Title: T\nDate: 2024-01-03\n\n## Upcoming Events\n\n\
Rusty Events between 2024-01-03 - 2024-01-31 🦀\n\n### Europe\n\n\
* 2024-01-04 | Paris, FR | [P](https://e.com/p)\n    * [**T**](https://e.com/t)\n\n\
If you are running a Rust event please add it.\n\n## Jobs\n";

    #[test]
    fn replaces_only_the_list() {
        let issue = Issue::from_text("d.md", DRAFT);
        let out = splice(&issue, "### Asia\n\n* x", "2024-01-03 - 2024-01-31").unwrap();
        assert_eq!(
            out,
            DRAFT.replace(
                "### Europe\n\n* 2024-01-04 | Paris, FR | [P](https://e.com/p)\n    * [**T**](https://e.com/t)",
                "### Asia\n\n* x"
            )
        );
    }

    #[test]
    fn refuses_an_interrupted_list() {
        let text = DRAFT.replace(
            "\n    * [**T**]",
            "\nA stray paragraph.\n\n* 2024-01-05 | Rome, IT | [R](https://e.com/r)\n    * [**T**]",
        );
        let issue = Issue::from_text("d.md", &text);
        assert!(matches!(
            list_span(&issue),
            Err(SpliceError::Interrupted { .. })
        ));
    }
}
