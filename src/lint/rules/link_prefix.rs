//! `link-prefix`: `[video]`, `[audio]`, `[ZH]` and similar prefixes: known, in the right
//! case, and left of the link.

use crate::diagnostic::{Diagnostic, Level};
use crate::issue::Span;
use crate::issue::edit::Edit;
use crate::lint::{Ctx, Lint};

pub static LINT: Lint = Lint {
    code: "link-prefix",
    default_level: Level::Warn,
    unfinished: false,
    fixable: true,
    summary: "a link prefix is unknown, in the wrong case, or right of the link",
    levels: "\
warning (safe fix): a known prefix in other case (`[Video]`), a language code in
         small letters, a prefix right of its link
warning: an unknown prefix",
    explain: "\
Prefixes tell readers what a link is before they click: `[video]`, `[audio]`, `[series]`,
a language code in capitals for non-English content (`[ZH]`, `[ES]`), and in the project
sections `[new]`, `[updated]` and `[disposition: merge]`. They go left of the link, in
this exact spelling. `[check] prefixes` in twir.toml adds more.

Example:
    * [Decrusting the tokio crate](https://www.youtube.com/watch?v=o2ob8zkeq2s) [Video]
should be
    * [video] [Decrusting the tokio crate](https://www.youtube.com/watch?v=o2ob8zkeq2s)",
    check: Some(check),
};

const KNOWN: &[&str] = &[
    "video",
    "audio",
    "series",
    "new",
    "updated",
    "podcast",
    "slides",
    "paper",
    "pdf",
    // Difficulty tags of calls for participation.
    "easy",
    "medium",
    "hard",
    "less easy",
    "moderate",
    "good first issue",
    "mentored",
    "disposition: merge",
    "disposition: close",
    "disposition: postpone",
    "disposition: unspecified",
];

/// What is wrong with a prefix, if anything, and how it is written when it is a known
/// one in other case. Prefixes compare case-insensitively: `[Video]` is `[video]`.
fn problem(text: &str, extra: &[String]) -> Option<(String, Option<String>)> {
    if KNOWN.contains(&text) || extra.iter().any(|e| e == text) || is_language(text) {
        return None;
    }
    let lower = text.to_lowercase();
    let known = KNOWN
        .iter()
        .map(|k| k.to_string())
        .chain(extra.iter().cloned())
        .find(|k| k.to_lowercase() == lower);
    if let Some(k) = known {
        return Some((format!("prefix `[{text}]` is written `[{k}]`"), Some(k)));
    }
    if text.len() == 2 && text.chars().all(|c| c.is_ascii_alphabetic()) {
        let upper = text.to_uppercase();
        return Some((
            format!("language prefix `[{text}]` is written in capitals: `[{upper}]`"),
            Some(upper),
        ));
    }
    Some((format!("unknown prefix `[{text}]`"), None))
}

/// `ZH`, `ES`, `PT-BR`.
fn is_language(text: &str) -> bool {
    let mut parts = text.split('-');
    let lang = parts.next().unwrap_or("");
    lang.len() == 2
        && lang.bytes().all(|b| b.is_ascii_uppercase())
        && parts.all(|p| (2..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    let extra = &ctx.config.check.prefixes;
    let mut by_item: Vec<Vec<&crate::issue::Link>> = vec![Vec::new(); issue.items.len()];
    for l in &issue.links {
        if let Some(i) = l.item {
            by_item[i].push(l);
        }
    }
    for (item, links) in issue.items.iter().zip(&by_item) {
        let Some(first) = links.first() else {
            continue;
        };
        for p in item
            .prefixes
            .iter()
            .filter(|p| p.span.end <= first.span.start)
        {
            if let Some((msg, want)) = problem(&p.text, extra) {
                let d = Diagnostic::new(LINT.code, p.span, msg)
                    .help("use one of [video], [audio], [series] or a language code such as [ZH]");
                // A known prefix in other case is the same prefix: fixing the case is safe.
                out.push(match want {
                    Some(w) => d.safe_fix(
                        "write the prefix in its case",
                        vec![Edit::new(p.span, format!("[{w}]"))],
                    ),
                    None => d,
                });
            }
        }
        // A prefix written after the item's only link.
        if links.len() == 1 && item.prefixes.is_empty() {
            let after = Span::new(first.span.end, item.line_span.end.max(first.span.end));
            let rest = issue.slice(after).trim();
            if let Some(inner) = rest.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
                let lower = inner.to_lowercase();
                if KNOWN.contains(&lower.as_str()) || is_language(inner) {
                    out.push(
                        Diagnostic::new(
                            LINT.code,
                            after,
                            format!("prefix `[{inner}]` stands right of the link"),
                        )
                        .help(format!("write it before the link: `[{lower}] [...](...)`")),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    #[test]
    fn finds_bad_prefixes() {
        let text = format!(
            "{HEADER}* [video] [ZH] [a](https://e.com/a)\n* [Video] [b](https://e.com/b)\n* [zh] [c](https://e.com/c)\n\
* [d](https://e.com/d) [video]\n* [disposition: merge] [e](https://e.com/e)\n* [FEATURE] [f](https://e.com/f)\n\
* [PT-BR] [g](https://e.com/g)\n* [RustNL](https://e.com/h) [CFP](https://e.com/i)\n"
        );
        assert_eq!(lines("link-prefix", &text), [7, 8, 9, 11]);
        let fixed = fixed("link-prefix", &text);
        assert!(
            fixed.contains("* [video] [b]") && fixed.contains("* [ZH] [c]"),
            "{fixed}"
        );
        assert!(
            fixed.contains("* [FEATURE] [f]"),
            "an unknown prefix has no fix"
        );
        // Every finding is a warning: a prefix's case breaks nothing.
        let text =
            format!("{HEADER}* [Series] [a](https://e.com/a)\n* [Audio] [b](https://e.com/b)\n");
        assert_eq!(
            findings("link-prefix", &text),
            [
                (6, crate::diagnostic::Level::Warn),
                (7, crate::diagnostic::Level::Warn)
            ]
        );
    }
}
