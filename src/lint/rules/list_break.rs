//! `list-break`: a blank line or a too-small indent that splits a list or detaches an
//! event's title line from its event.

use crate::diagnostic::{Diagnostic, Level};
use crate::issue::Span;
use crate::lint::{Ctx, Lint};

pub static LINT: Lint = Lint {
    code: "list-break",
    default_level: Level::Error,
    unfinished: false,
    fixable: false,
    summary: "a blank line or a wrong indent breaks a list",
    levels: "\
error: a nested line indented less than four spaces (Python-Markdown, which renders
       TWIR's site, does not nest it)
warning: a blank line inside a list",
    explain: "\
The site renders Markdown with Python-Markdown, which nests a list item only when it is
indented four spaces, and turns a list with a blank line inside into spaced-out
paragraphs. A three-space indent leaves an event's title line as a separate bullet; a
blank line between two links splits their list.

Example:
    * 2024-04-20 | Augsburg, DE | [Augsburger Linux-Infotag 2024](https://www.luga.de/static/LIT-2024/)
       * [**Workshop Einstieg in Embedded Rust**](https://www.luga.de/static/LIT-2024/talks/)
should indent the title line with four spaces.",
    check: Some(check),
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    let items = &issue.items;
    for (i, item) in items.iter().enumerate() {
        if let Some(p) = item.parent {
            let parent_indent = items[p].indent;
            let step = item.indent - parent_indent.min(item.indent);
            if step < 4 {
                let indent = Span::new(item.line_span.start, item.marker.start);
                out.push(
                    Diagnostic::new(
                        LINT.code,
                        indent,
                        format!("nested item is indented {step} spaces; it needs 4 to nest"),
                    )
                    .help("indent nested items by four spaces"),
                );
            } else if item.blank_before && ends_right_before(issue, items[i - 1].span, item.span) {
                out.push(
                    Diagnostic::new(
                        LINT.code,
                        item.line_span,
                        "a blank line separates this item from the one it belongs to",
                    )
                    .help("remove the blank line above")
                    .warning(),
                );
            }
            continue;
        }
        if !item.blank_before || i == 0 {
            continue;
        }
        // The previous top-level item in the same section, with only blank lines between.
        let Some(prev) = (0..i).rev().find(|&j| items[j].parent.is_none()) else {
            continue;
        };
        let prev_end = items[(prev..i).last().unwrap_or(prev)].span.end;
        if items[prev].section != item.section
            || !ends_right_before(
                issue,
                Span::new(items[prev].span.start, prev_end),
                item.span,
            )
        {
            continue;
        }
        if list_is_loose(issue, i) {
            continue;
        }
        out.push(
            Diagnostic::new(LINT.code, item.line_span, "a blank line splits this list")
                .label(items[prev].line_span, "the list above ends here")
                .help("remove the blank line")
                .warning(),
        );
    }
}

/// Whether only white space stands between `a` and `b`.
fn ends_right_before(issue: &crate::issue::Issue, a: Span, b: Span) -> bool {
    a.end <= b.start && issue.text[a.end..b.start].trim().is_empty()
}

/// A list written with blank lines between most items is loose on purpose.
fn list_is_loose(issue: &crate::issue::Issue, this: usize) -> bool {
    let items = &issue.items;
    let section = items[this].section;
    let mut loose = 0;
    let mut tight = 0;
    let run = items
        .iter()
        .enumerate()
        .filter(|(j, it)| *j != this && it.parent.is_none() && it.section == section);
    for (j, it) in run {
        let Some(before) = (0..j).rev().find(|&k| items[k].parent.is_none()) else {
            continue;
        };
        if !ends_right_before(issue, items[j - 1].span, it.span) || items[before].section != section
        {
            continue;
        }
        if it.blank_before {
            loose += 1;
        } else {
            tight += 1;
        }
    }
    loose > tight
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    #[test]
    fn finds_breaks() {
        let text = format!(
            "{HEADER}### Misc\n* [a](https://e.com/a)\n* [b](https://e.com/b)\n\n* [c](https://e.com/c)\n\n\
### Events\n* 2024-04-20 | Augsburg, DE | [A](https://e.com/o)\n   * [**T**](https://e.com/t)\n\
* 2024-04-21 | Berlin, DE | [B](https://e.com/p)\n\n    * [**U**](https://e.com/u)\n\n\
### Loose\n* a\n\n* b\n\n* c\n"
        );
        assert_eq!(lines("list-break", &text), [10, 14, 17]);
    }
}
