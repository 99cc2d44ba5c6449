//! `unclosed-comment`: `<!--` without `-->`, or closed with `>` only, which hides the rest
//! of the issue (or the headings up to the next `-->`) from readers.

use crate::diagnostic::{Diagnostic, Level};
use crate::issue::Span;
use crate::lint::{Ctx, Lint};

pub static LINT: Lint = Lint {
    code: "unclosed-comment",
    default_level: Level::Error,
    unfinished: false,
    fixable: false,
    summary: "an HTML comment is not closed with `-->`",
    levels: "\
error: every finding: an unclosed comment hides the rest of the issue",
    explain: "\
An HTML comment runs until the next `-->`. A comment ended with a bare `>`
(`<!-- Remove this section if empty>`) or never ended swallows everything after it: whole
sections disappear from the page, the feed and the email without any error. The message
names the headings the comment hides.

Example:
    ### [Language Reference](https://github.com/rust-lang/reference/...)
    <!-- Remove this section if empty>",
    check: Some(check),
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    for comment in &issue.comments {
        let body = issue.slice(comment.span);
        let first_line = body.lines().next().unwrap_or(body);
        let opener = Span::new(comment.span.start, comment.span.start + first_line.len());
        let multi_line = body.contains('\n');
        let ends_wrongly =
            multi_line && first_line.trim_end().ends_with('>') && !first_line.contains("-->");
        if comment.closed && !ends_wrongly {
            continue;
        }
        let hidden: Vec<String> = body
            .lines()
            .skip(1)
            .filter(|l| l.starts_with('#') && l.trim_start_matches('#').starts_with(' '))
            .map(|l| format!("`{}`", l.trim()))
            .collect();
        let message = if comment.closed {
            let end_line = issue.lines.line_of(comment.span.end - 1);
            format!("comment ends with `>` instead of `-->`, so it runs on to line {end_line}")
        } else {
            "comment is never closed; it hides the rest of the issue".to_string()
        };
        let mut d = Diagnostic::new(LINT.code, opener, message);
        d = if hidden.is_empty() {
            d.help("end the comment with `-->`")
        } else {
            d.help(format!(
                "end the comment with `-->`; it hides {}",
                hidden.join(", ")
            ))
        };
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    #[test]
    fn finds_bad_comments() {
        let text = format!(
            "{HEADER}## A\n<!-- Remove this section if empty>\n\n## B\n<!-- x -->\n\n## C\n<!-- fine\nmulti -->\n## D\n<!-- open\n## E\n"
        );
        let (_, d) = diagnostics("unclosed-comment", &text);
        assert_eq!(lines("unclosed-comment", &text), [7, 16]);
        assert!(
            d[0].help.as_deref().unwrap().contains("`## B`"),
            "{:?}",
            d[0].help
        );
        assert!(d[1].help.as_deref().unwrap().contains("`## E`"));
    }
}
