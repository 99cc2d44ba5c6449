//! `duplicate-link`: the same link twice in an issue, or again within recent issues.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::util::in_community;
use crate::lint::{Ctx, Lint, content_links};
use std::collections::HashMap;

pub static LINT: Lint = Lint {
    code: "duplicate-link",
    default_level: Level::Error,
    unfinished: false,
    fixable: false,
    summary: "a link appears twice in the issue or appeared in a recent issue",
    explain: "\
Each link should appear once, and not again within the recent issues (25 by default,
`--recent N`). Links are compared after normalising: http and https, `www.`, a trailing
slash, tracking parameters and `youtu.be` short links do not make a link different. Only
content links count (list items outside the events list); links that every issue carries
(the template's, or ones most recent issues share) are ignored.

Example:
    * [Rust needs an official specification](https://tweedegolf.nl/en/blog/140/rust-needs-an-official-specification)
    * [Blog: Rust needs an official specification](https://tweedegolf.nl/en/blog/140/rust-needs-an-official-specification/)",
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    let mut seen: HashMap<String, crate::issue::Span> = HashMap::new();
    for link in content_links(issue) {
        let key = crate::url::normalise(&link.dest);
        if ctx.boilerplate_urls.contains(&key) {
            continue;
        }
        if let Some(&first) = seen.get(&key) {
            out.push(
                Diagnostic::new(LINT.code, link.span, "link appears twice in this issue")
                    .label(first, "first here")
                    .help("remove one of them"),
            );
            continue;
        }
        seen.insert(key.clone(), link.span);
        // Project links (RFCs, PRs) rightly return as they move from new to FCP to
        // approved; only community submissions must be new.
        if !in_community(issue, ctx.config, link.section) {
            continue;
        }
        let earlier = ctx.recent.iter().find_map(|e| {
            e.links
                .iter()
                .find(|(u, _)| *u == key)
                .map(|(_, line)| (e, line))
        });
        if let Some((entry, line)) = earlier {
            let which = match (entry.number, entry.date) {
                (Some(n), Some(d)) => format!("issue {n} of {d}"),
                (None, Some(d)) => format!("the issue of {d}"),
                _ => "a recent issue".to_string(),
            };
            out.push(
                Diagnostic::new(
                    LINT.code,
                    link.span,
                    format!("link already appeared in {which}"),
                )
                .help(format!("see {}:{line}", entry.name)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    #[test]
    fn within_the_issue() {
        let text = format!(
            "{HEADER}## Updates from Rust Community\n* [a](https://e.com/post)\n* [b](http://www.e.com/post/?utm_source=x)\n\
* [c](https://e.com/other)\n\nIntro paragraph [again](https://e.com/post).\n\n## Upcoming Events\n\
* 2024-11-28 | Paris, FR | [Rust Paris](https://e.com/other)\n"
        );
        assert_eq!(lines("duplicate-link", &text), [8]);
    }
}
