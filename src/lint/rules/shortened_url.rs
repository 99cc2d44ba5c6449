//! `shortened-url`: links through a shortener (goo.gl, bit.ly, t.co, ...).

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::{Ctx, Lint};

pub static LINT: Lint = Lint {
    code: "shortened-url",
    default_level: Level::Warn,
    unfinished: false,
    fixable: false,
    summary: "a link goes through a link shortener",
    levels: "\
warning: every finding: the link works, but readers cannot see where it goes",
    explain: "\
Shortened links (goo.gl, bit.ly, t.co, tinyurl.com, ...) hide where they lead, track
readers, and die when the shortener does (goo.gl links stopped working in 2025). Link to
the page the short link redirects to; `twir links` can resolve it.

Example:
    [Map](https://goo.gl/maps/w2ogftac6mqpBbvt5)
should link to the map's full address.",
    check: Some(check),
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    for link in &issue.links {
        if crate::url::is_shortened(&link.dest) {
            out.push(
                Diagnostic::new(
                    LINT.code,
                    link.dest_span,
                    "link goes through a link shortener",
                )
                .help("link to the address it redirects to"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    #[test]
    fn finds_shorteners() {
        let text = format!(
            "{HEADER}* [a](https://bit.ly/abc)\n* [b](https://t.me/group)\n* [c](https://e.com)\n"
        );
        assert_eq!(lines("shortened-url", &text), [6]);
    }
}
