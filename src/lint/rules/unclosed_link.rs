//! `unclosed-link`: `[text](url` without its `)`, and unbalanced brackets.

use crate::diagnostic::{Diagnostic, Level};
use crate::issue::Span;
use crate::lint::{Ctx, Lint};

pub static LINT: Lint = Lint {
    code: "unclosed-link",
    default_level: Level::Error,
    unfinished: false,
    fixable: false,
    summary: "a link is not closed, or brackets do not balance",
    levels: "\
error: every finding: the link does not render",
    explain: "\
A link missing its closing parenthesis, or a line with more `[` than `]`, is not a link:
readers see the raw Markdown. It happens when a line is cut while editing.

Example:
    * [Rama — implement `take` and `replace` for Context](https://github.com/plabayo/rama/issues/353",
    check: Some(check),
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    let first = issue.lines.line_of(issue.body.start);
    for n in first..=issue.lines.line_count() {
        let line = issue.lines.line_span(&issue.text, n);
        if line.start < issue.body.start || line.is_empty() {
            continue;
        }
        let covered =
            |at: usize| issue.in_comment(at) || issue.in_code(at) || issue.in_link_or_tag(at);
        let text = issue.slice(line);
        if !text.contains(['[', ']']) {
            continue;
        }
        let open_link = text
            .match_indices("](")
            .map(|(i, _)| line.start + i)
            .find(|&at| !covered(at));
        if let Some(at) = open_link {
            let open = text[..at - line.start]
                .rfind('[')
                .map_or(line.start, |i| line.start + i);
            let rest = &issue.text[at..line.end];
            let d = match rest.char_indices().find(|(_, c)| c.is_control()) {
                Some((i, c)) => Diagnostic::new(
                    LINT.code,
                    Span::new(at + i, at + i + c.len_utf8()),
                    format!(
                        "an invisible control character (U+{:04X}) breaks this link",
                        c as u32
                    ),
                )
                .help("delete the character"),
                None => Diagnostic::new(LINT.code, Span::new(open, line.end), "link is not closed")
                    .help("end the link with `)`"),
            };
            out.push(d);
            continue;
        }
        let mut depth = 0i32;
        let mut unmatched_open = None;
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let at = line.start + i;
            if !matches!(b, b'[' | b']') || (i > 0 && bytes[i - 1] == b'\\') || covered(at) {
                continue;
            }
            match b {
                b'[' => {
                    if depth == 0 {
                        unmatched_open = Some(at);
                    }
                    depth += 1;
                }
                b']' => depth -= 1,
                _ => {}
            }
        }
        if depth > 0
            && let Some(at) = unmatched_open
        {
            out.push(
                Diagnostic::new(LINT.code, Span::new(at, at + 1), "`[` is never closed")
                    .help("close the bracket, or escape it as `\\[`"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    #[test]
    fn finds_unclosed() {
        let text = format!(
            "{HEADER}* [a](https://e.com/a\n* [b](https://e.com/b)\n* [c [x]](https://e.com/c)\n\
*This Week in Rust is edited by: [a](https://e.com/a), [b](https://github.com/b\n* [open bracket only\n\
* `[not a link](` in code\n* ranges [0.5%, 3.5%] are fine\n* [ctl](https://e.com/\u{2}x)\n"
        );
        assert_eq!(lines("unclosed-link", &text), [6, 9, 10, 13]);
    }
}
