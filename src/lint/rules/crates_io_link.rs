//! `crates-io-link`: a crates.io page among the community links.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::util::in_community;
use crate::lint::{Ctx, Lint, content_links};

pub static LINT: Lint = Lint {
    code: "crates-io-link",
    default_level: Level::Warn,
    unfinished: false,
    fixable: false,
    summary: "a community link points at a crates.io page",
    levels: "\
warning: every finding (a crates.io page is allowed, but the project's own page is
         usually better)",
    explain: "\
A crates.io page is a package listing, not news. A crate belongs in Crate of the Week;
among community links, link the post that announces or explains it. A warning, since a
release with its notes on crates.io can be worth a link.

Example:
    * [serde 2.0](https://crates.io/crates/serde)",
    check: Some(check),
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    for link in content_links(issue) {
        let Some(p) = crate::url::split(&link.dest) else {
            continue;
        };
        let host = p.host.to_ascii_lowercase();
        if in_community(issue, ctx.config, link.section)
            && (host == "crates.io" || host == "www.crates.io")
            && p.path.starts_with("/crates/")
        {
            out.push(
                Diagnostic::new(LINT.code, link.dest_span, "link points at a crates.io page")
                    .help("link the crate's announcement, or nominate it for Crate of the Week")
                    .warning(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    #[test]
    fn finds_crates_io() {
        let text = format!(
            "{HEADER}## Updates from Rust Community\n* [a](https://crates.io/crates/x)\n* [b](https://docs.rs/x)\n"
        );
        assert_eq!(lines("crates-io-link", &text), [7]);
    }
}
