//! `html-tag`: raw HTML tags outside the set TWIR uses — usually an unescaped `<T>`.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::{Ctx, Lint};

pub static LINT: Lint = Lint {
    code: "html-tag",
    default_level: Level::Error,
    unfinished: false,
    fixable: false,
    summary: "an HTML tag outside the set the newsletter uses",
    levels: "\
error: every finding: an unknown tag is dropped or shown raw, an unsafe one is removed",
    explain: "\
Markdown passes HTML through, so `Vec<T>` written outside backticks becomes an unknown
`<t>` element that swallows text, and tags such as `<script>` or `<iframe>` must never
reach a reader. Issues use a small set of tags (p, a, h1–h6, strong, em, code, pre, hr,
br, small, lists, blockquote, tables, img, sup, sub, details, summary, span, div, kbd,
del); `[check] html_tags` in twir.toml adds more.

Example:
    * [Why Box<dyn Error> is fine](https://example.com)
should be
    * [Why `Box<dyn Error>` is fine](https://example.com)",
    check: Some(check),
};

/// The HTML tags an issue may use: TWIR's set, and what Markdown itself produces. The
/// site's sanitizer lets the same tags through (with `[check] html_tags` added).
pub const ALLOWED: &[&str] = &[
    "p",
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "b",
    "i",
    "code",
    "pre",
    "hr",
    "br",
    "small",
    "ul",
    "ol",
    "li",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "img",
    "sup",
    "sub",
    "details",
    "summary",
    "span",
    "div",
    "kbd",
    "del",
    "s",
    "abbr",
    "center",
    "ins",
    "figure",
    "figcaption",
    "cite",
    "q",
    "dl",
    "dt",
    "dd",
    "u",
    "mark",
];

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    for tag in &issue.html {
        let known = ALLOWED.contains(&tag.name.as_str())
            || ctx
                .config
                .check
                .html_tags
                .iter()
                .any(|t| t.eq_ignore_ascii_case(&tag.name));
        // A closing tag is reported with its opening one.
        let opened = tag.closing && issue.html.iter().any(|t| !t.closing && t.name == tag.name);
        if known || opened {
            continue;
        }
        let raw = issue.slice(tag.span);
        out.push(
            Diagnostic::new(
                LINT.code,
                tag.span,
                format!("`{raw}` is not an HTML tag this newsletter uses"),
            )
            .help(format!("if it is code, put it in backticks: `` `{raw}` ``")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    #[test]
    fn finds_unknown_tags() {
        let text = format!(
            "{HEADER}* Vec<T> in text\n* `Vec<T>` in code\n<small>[Discuss](https://e.com)</small>\n\
<script>alert(1)</script>\n* auto <https://e.com/x> link\n"
        );
        assert_eq!(lines("html-tag", &text), [6, 9]);
    }
}
