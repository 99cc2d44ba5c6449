//! `url-simplify`: doubled slashes and default ports in links.

use crate::diagnostic::{Diagnostic, Level};
use crate::issue::edit::Edit;
use crate::lint::util::written_destinations;
use crate::lint::{Ctx, Lint};

pub static LINT: Lint = Lint {
    code: "url-simplify",
    default_level: Level::Warn,
    unfinished: false,
    fixable: true,
    summary: "a link has doubled slashes or a default port",
    levels: "\
warning (safe fix): every finding: the link works as it is",
    explain: "\
`https://example.com//post` and `https://example.com:443/post` are the same page as
`https://example.com/post` on almost every server, but they defeat duplicate detection and
some servers answer them with an error. `twir check --fix` simplifies them.

Example:
    * [A post](https://blog.example.com//2024/11/post.html)
becomes
    * [A post](https://blog.example.com/2024/11/post.html)",
    check: Some(check),
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    for (span, dest) in written_destinations(issue, false) {
        if issue.slice(span) != dest {
            continue;
        }
        if let Some((simple, what)) = simplify(dest) {
            out.push(
                Diagnostic::new(LINT.code, span, format!("link has {what}"))
                    .help(format!("link to `{simple}`"))
                    .safe_fix("simplify the link", vec![Edit::new(span, simple)]),
            );
        }
    }
}

/// The simpler URL and what was wrong, if anything.
fn simplify(dest: &str) -> Option<(String, &'static str)> {
    let (scheme, rest) = dest.split_once("://")?;
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let path_end = tail.find(['?', '#']).unwrap_or(tail.len());
    let (path, suffix) = tail.split_at(path_end);
    let port = authority
        .rsplit_once(':')
        .filter(|(_, p)| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    let default_port = matches!(
        (scheme.to_ascii_lowercase().as_str(), port.map(|(_, p)| p)),
        ("https", Some("443")) | ("http", Some("80"))
    );
    let doubled = path.contains("//");
    if !default_port && !doubled {
        return None;
    }
    let host = if default_port {
        port.map_or(authority, |(h, _)| h)
    } else {
        authority
    };
    let mut path = path.to_string();
    while path.contains("//") {
        path = path.replace("//", "/");
    }
    let what = if doubled {
        "doubled slashes"
    } else {
        "a default port"
    };
    Some((format!("{scheme}://{host}{path}{suffix}"), what))
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;
    use super::simplify;

    #[test]
    fn simplifies() {
        assert_eq!(
            simplify("https://e.com//a//b?q=//x").unwrap().0,
            "https://e.com/a/b?q=//x"
        );
        assert_eq!(
            simplify("https://e.com:443/a").unwrap().0,
            "https://e.com/a"
        );
        assert_eq!(simplify("https://e.com:8443/a"), None);
        assert_eq!(simplify("https://e.com/a"), None);
    }

    #[test]
    fn finds_and_fixes() {
        let text = format!("{HEADER}* [a](https://e.com//a)\n* [b](https://e.com/b)\n");
        assert_eq!(lines("url-simplify", &text), [6]);
        assert!(fixed("url-simplify", &text).contains("(https://e.com/a)"));
    }
}
