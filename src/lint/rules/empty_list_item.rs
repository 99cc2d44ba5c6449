//! `empty-list-item`: a list marker with nothing after it.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::{Ctx, Lint};

pub static LINT: Lint = Lint {
    code: "empty-list-item",
    default_level: Level::Error,
    unfinished: false,
    fixable: false,
    summary: "a list item is empty",
    levels: "\
error: every finding: an empty bullet shows on the page",
    explain: "\
A bullet with nothing after it renders as an empty dot in the page and the email, usually
left behind when a link was moved or deleted.

Example:
    * [A post](https://example.com/post)
    *
    * [Another post](https://example.com/other)",
    check: Some(check),
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    for item in &issue.items {
        if issue.slice(item.content).trim().is_empty() {
            out.push(
                Diagnostic::new(LINT.code, item.marker, "list item is empty")
                    .help("remove the line or fill it in"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    #[test]
    fn finds_empty_items() {
        let text = format!("{HEADER}* [a](https://e.com)\n*\n* \n- ok\n---\n");
        assert_eq!(lines("empty-list-item", &text), [7, 8]);
    }
}
