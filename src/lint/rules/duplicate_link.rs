//! `duplicate-link`: the same link twice in an issue, or again within recent issues.

use crate::diagnostic::{Diagnostic, Level};
use crate::issue::Link;
use crate::lint::util::in_community;
use crate::lint::{Ctx, Lint, content_links};
use std::collections::HashMap;

pub static LINT: Lint = Lint {
    code: "duplicate-link",
    default_level: Level::Error,
    unfinished: false,
    fixable: false,
    summary: "a link appears twice in the issue or appeared in a recent issue",
    levels: "\
error: the same article twice in an issue, or again within the recent issues",
    explain: "\
A community link should appear once, and not again within the recent issues (25 by
default, `--recent N`). Links are compared after normalising: http and https, `www.`, a
trailing slash, tracking parameters and `youtu.be` short links do not make a link
different. Only content links count (list items outside the events list); links that
every issue carries (the template's, or ones most recent issues share) are ignored.

Some links stand twice on purpose, in two roles: an RFC both in Final Comment Period and
in New and Updated RFCs, a PR in the merged list and in the perf triage, an official post
and its call for testing, a conference in Events and in Call for Participation, an
organizer's page on each of its events. Those are not reported; the same link twice in one
section, or twice among the community's links, is.

Example:
    * [Rust needs an official specification](https://tweedegolf.nl/en/blog/140/rust-needs-an-official-specification)
    * [Blog: Rust needs an official specification](https://tweedegolf.nl/en/blog/140/rust-needs-an-official-specification/)",
    check: Some(check),
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    let mut seen: HashMap<String, Vec<&Link>> = HashMap::new();
    for link in content_links(issue) {
        let key = crate::url::normalise(&link.dest);
        if ctx.boilerplate_urls.contains(&key) {
            continue;
        }
        let community = in_community(issue, ctx.config, link.section);
        let earlier = seen.entry(key.clone()).or_default();
        // A link stands twice on purpose in two roles: an RFC in Final Comment Period and
        // in New and Updated RFCs, a PR merged and in the perf triage, an official post
        // and its call for testing. The same article twice among the community's links,
        // or twice in one section, is a slip.
        let twin = earlier.iter().find(|e| {
            e.section == link.section || (community && in_community(issue, ctx.config, e.section))
        });
        if let Some(first) = twin {
            out.push(
                Diagnostic::new(LINT.code, link.span, "link appears twice in this issue")
                    .label(first.span, "first here")
                    .help("remove one of them"),
            );
            continue;
        }
        let repeat = !earlier.is_empty();
        earlier.push(link);
        // Project links (RFCs, PRs) rightly return as they move from new to FCP to
        // approved; only community submissions must be new.
        if repeat || !community {
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

    #[test]
    fn repeats_on_purpose_are_not_duplicates() {
        let text = format!(
            "{HEADER}## Updates from Rust Community\n\n### Official\n\
* [Help test the sparse index](https://blog.rust-lang.org/inside-rust/2023/01/30/sparse.html)\n\n\
### Observations/Thoughts\n* [video] [Rust 1.73.0](https://youtu.be/xXdfLNIHkPk)\n\n\
### Miscellaneous\n* [video] [Rust 1.73.0 again](https://www.youtube.com/watch?v=xXdfLNIHkPk)\n\n\
## Calls for Testing\n* [Help test the sparse index](https://blog.rust-lang.org/inside-rust/2023/01/30/sparse.html)\n\n\
## Call for Participation; projects and speakers\n\n### CFP - Projects\n\
* [Hyperswitch - add a test](https://github.com/juspay/hyperswitch/issues/2910)\n\
* [Hyperswitch - add a test](https://github.com/juspay/hyperswitch/issues/2910)\n\n\
### CFP - Events\n* [**RustConf 2025**](https://rustconf.com/cfp) | Closes 2025-04-01\n\n\
## Updates from the Rust Project\n\n* [add a lint](https://github.com/rust-lang/rust/pull/1)\n\n\
### Rust Compiler Performance Triage\n* [add a lint](https://github.com/rust-lang/rust/pull/1)\n\n\
### Final Comment Period\n* [disposition: merge] [RFC: Thing](https://github.com/rust-lang/rfcs/pull/3)\n\n\
### New and Updated RFCs\n* [RFC: Thing](https://github.com/rust-lang/rfcs/pull/3)\n\n\
## Upcoming Events\n\n### Europe\n* 2025-03-01 | Paris, FR | [RustConf](https://rustconf.com/cfp)\n    * [**RustConf**](https://rustconf.com/)\n"
        );
        // The same video twice among community links (`youtu.be` and `youtube.com`), and
        // one issue twice in one section.
        assert_eq!(lines("duplicate-link", &text), [15, 24]);
    }
}
