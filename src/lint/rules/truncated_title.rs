//! `truncated-title`: link text cut short with `...` or `…` by a chat tool or a script.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::{Ctx, Lint};

pub static LINT: Lint = Lint {
    code: "truncated-title",
    default_level: Level::Error,
    unfinished: false,
    fixable: false,
    summary: "link text ends in `...` or `…`",
    levels: "\
error: a title cut with `…` (the way chat tools and GitHub cut titles)
warning: a long title ending in `...`, which may be the real title",
    explain: "\
Link titles pasted from chat tools or generated from pull request lists are often cut at
about 70 characters and end in an ellipsis. The link text should be the page's whole title.

Example:
    * [miri: moving out `sched_getaffinity` interception from linux'shim, FreeBSD su…](https://github.com/rust-lang/miri/pull/3283)",
    check: Some(check),
};

const MIN_CUT: usize = 45;

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    for link in &issue.links {
        if link.item.is_none() {
            continue;
        }
        let text = issue.slice(link.text_span).trim_end();
        let cut = text.ends_with('…') || text.ends_with("â€¦");
        let dots = text.ends_with("...") && !text.ends_with("....");
        // Chat tools cut titles at about 70 characters; a short title ending in an
        // ellipsis ("Wait for it...") is most likely the real title. Tools cut with `…`;
        // three dots are as often the author's own ("and much more...").
        if (cut || dots) && text.chars().count() >= MIN_CUT {
            let d = Diagnostic::new(LINT.code, link.text_span, "link text looks truncated")
                .help("use the page's full title");
            out.push(if cut { d } else { d.warning() });
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
        let text = format!(
            "{HEADER}* [Scaphandre 0.5.0, to measure energy consumption, is released: and much more...](https://e.com/1)\n"
        );
        assert_eq!(
            findings("truncated-title", &text),
            [(6, crate::diagnostic::Level::Warn)]
        );
    }
}
