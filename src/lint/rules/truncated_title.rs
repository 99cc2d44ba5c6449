//! `truncated-title`: link text cut short with `...` or `…` by a chat tool or a script.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::{Ctx, Lint};

pub static LINT: Lint = Lint {
    code: "truncated-title",
    default_level: Level::Error,
    unfinished: false,
    fixable: false,
    summary: "link text ends in `...` or `…`",
    explain: "\
Link titles pasted from chat tools or generated from pull request lists are often cut at
about 70 characters and end in an ellipsis. The link text should be the page's whole title.

Example:
    * [miri: moving out `sched_getaffinity` interception from linux'shim, FreeBSD su…](https://github.com/rust-lang/miri/pull/3283)",
    check,
};

const MIN_CUT: usize = 45;

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    for link in &issue.links {
        if link.item.is_none() {
            continue;
        }
        let text = issue.slice(link.text_span).trim_end();
        let ends = text.ends_with("...") || text.ends_with('…') || text.ends_with("â€¦");
        // Chat tools cut titles at about 70 characters; a short title ending in an
        // ellipsis ("Wait for it...") is most likely the real title.
        if ends && text.chars().count() >= MIN_CUT && !text.ends_with("....") {
            out.push(
                Diagnostic::new(LINT.code, link.text_span, "link text looks truncated")
                    .help("use the page's full title"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    #[test]
    fn finds_truncated() {
        let text = format!(
            "{HEADER}* [fix FP in `unused_io_amount` for Ok(lit), unrachable! and unwrap de…](https://e.com/1)\n\
* [Embedded Rust in Production ..?](https://e.com/2)\n* [Wait for it...](https://e.com/3)\n* [...](https://e.com/4)\n"
        );
        assert_eq!(lines("truncated-title", &text), [6]);
    }
}
