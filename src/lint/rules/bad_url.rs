//! `bad-url`: link destinations that cannot work: empty, relative, an unknown scheme
//! such as `hhttps:` or `javascript:`, or white space inside.

use crate::diagnostic::{Diagnostic, Level};
use crate::issue::LinkKind;
use crate::lint::util::written_destinations;
use crate::lint::{Ctx, Lint};

pub static LINT: Lint = Lint {
    code: "bad-url",
    default_level: Level::Error,
    unfinished: false,
    fixable: false,
    summary: "a link destination is empty, relative or has an unknown scheme",
    levels: "\
error: every finding: such a link cannot work",
    explain: "\
An issue is read on the website, in feed readers and in email, so every link must be an
absolute `https://` (or `http://`, `mailto:`) address. A relative link breaks outside the
site, a typo in the scheme (`hhttps://`) breaks everywhere, and `javascript:` links are
never acceptable.

Example:
    * [A post](hhttps://example.com/post)
should be
    * [A post](https://example.com/post)",
    check: Some(check),
};

const SCHEMES: &[&str] = &["https", "http", "mailto", "irc", "ircs", "ftp"];

/// Destinations the `placeholder` lint reports instead.
fn is_placeholder(dest: &str) -> bool {
    dest.is_empty() || dest.contains("_HERE") || dest.starts_with('<')
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    for (span, dest) in written_destinations(issue, true) {
        let link = issue.links.iter().find(|l| l.dest_span == span);
        // `[]()` is a template leftover (`placeholder`); `<name@host>` is an e-mail address.
        let empty_text = link.is_some_and(|l| issue.slice(l.text_span).trim().is_empty());
        let email = link.is_some_and(|l| l.kind == LinkKind::Autolink && !l.dest.contains("://"));
        if empty_text || email || (is_placeholder(dest) && !dest.is_empty()) {
            continue;
        }
        if let Some(problem) = problem(dest) {
            out.push(
                Diagnostic::new(LINT.code, span, problem)
                    .help("use the page's absolute address, e.g. `https://example.com/post`"),
            );
        }
    }
}

fn problem(dest: &str) -> Option<String> {
    if dest.trim().is_empty() {
        return Some("link has no destination".into());
    }
    if dest.contains(char::is_whitespace) {
        return Some(format!("link destination `{dest}` contains white space"));
    }
    if dest.starts_with('#') {
        return None;
    }
    match dest.split_once(':') {
        Some((scheme, _))
            if !scheme.is_empty()
                && scheme
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b)) =>
        {
            let lower = scheme.to_ascii_lowercase();
            if !SCHEMES.contains(&lower.as_str()) {
                return Some(format!("link has an unknown scheme `{scheme}:`"));
            }
            if (lower == "http" || lower == "https") && !dest[scheme.len() + 1..].starts_with("//")
            {
                return Some(format!("link `{dest}` lacks `//` after the scheme"));
            }
            None
        }
        _ => Some(format!(
            "link `{dest}` is relative; it breaks in feeds and email"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    #[test]
    fn finds_bad_destinations() {
        let text = format!(
            "{HEADER}* [a](hhttps://e.com/a)\n* [b](javascript:alert(1))\n* [c](/blog/x)\n\
* [d](https://e.com/)\n* [e](mailto:x@y.z)\n* [f](<https://e.com/a b>)\n* [g]()\n* [](INSERT_LINK_HERE)\n* [h](#top)\n"
        );
        assert_eq!(lines("bad-url", &text), [6, 7, 8, 11, 12]);
    }
}
