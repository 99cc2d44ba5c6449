//! "Updates from the Rust Project": the number of PRs merged in the week with its GitHub
//! search link, then every candidate for the notable list, one line each, grouped under
//! the project it belongs to. Bots, rollups, subtree syncs and dependency bumps are left
//! out and counted. Pure: search results in, Markdown out.

use super::github::Item;
use std::fmt::Write as _;

/// Where a merged PR is listed: a repository (`rust-lang/rust-clippy`), optionally only
/// with a label, goes under a heading. The first rule that matches wins.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub repo: String,
    #[serde(default)]
    pub labels: Vec<String>,
    pub heading: String,
}

/// TWIR's grouping.
pub fn default_groups() -> Vec<Group> {
    let g = |repo: &str, labels: &[&str], heading: &str| Group {
        repo: repo.into(),
        labels: labels.iter().map(|l| l.to_string()).collect(),
        heading: heading.into(),
    };
    vec![
        g("rust-lang/rust", &["T-rustdoc"], "Rustdoc"),
        g("rust-lang/rust", &["T-libs", "T-libs-api"], "Library"),
        g("rust-lang/rust", &[], "Compiler"),
        g("rust-lang/cargo", &[], "Cargo"),
        g("rust-lang/rust-clippy", &[], "Clippy"),
        g("rust-lang/rust-analyzer", &[], "Rust-Analyzer"),
        g("rust-lang/rustfmt", &[], "Rustfmt"),
        g("rust-lang/miri", &[], "Miri"),
    ]
}

/// Why a merged PR is not a candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LeftOut {
    Bot,
    Rollup,
    Sync,
    Bump,
}

impl LeftOut {
    pub fn name(self) -> &'static str {
        match self {
            LeftOut::Bot => "by bots",
            LeftOut::Rollup => "rollups",
            LeftOut::Sync => "subtree syncs",
            LeftOut::Bump => "dependency bumps",
        }
    }
}

/// Whether (and why) a PR is left out of the candidates.
pub fn left_out(item: &Item) -> Option<LeftOut> {
    let t = item.title.trim().to_lowercase();
    if item.user.kind == "Bot" {
        Some(LeftOut::Bot)
    } else if t.starts_with("rollup of ") {
        Some(LeftOut::Rollup)
    } else if t.contains("subtree") && (t.contains("sync") || t.contains("update"))
        || t.starts_with("sync from")
        || t.starts_with("sync ")
        || t == "rustup"
        || t.starts_with("automatic rustup")
    {
        Some(LeftOut::Sync)
    } else if t.starts_with("bump ")
        || t.starts_with("update dependencies")
        || t.starts_with("cargo update")
        || t.starts_with("update cargo.lock")
    {
        Some(LeftOut::Bump)
    } else {
        None
    }
}

/// The section: `total` PRs merged (the search's count), `search_url` behind "merged in
/// the last week", the candidates grouped; and the counts of what was left out.
pub fn section(
    total: u64,
    search_url: &str,
    items: &[Item],
    groups: &[Group],
) -> (String, Vec<(LeftOut, usize)>) {
    let mut out = String::new();
    let _ = write!(
        out,
        "{total} pull requests were [merged in the last week][merged]\n\n[merged]: {search_url}\n"
    );
    let mut dropped: Vec<(LeftOut, usize)> = Vec::new();
    let mut by_heading: Vec<(String, Vec<String>)> =
        groups
            .iter()
            .map(|g| g.heading.clone())
            .fold(Vec::new(), |mut v, h| {
                if !v.iter().any(|(x, _)| *x == h) {
                    v.push((h, Vec::new()));
                }
                v
            });
    let mut others: Vec<String> = Vec::new();
    for item in items {
        if let Some(why) = left_out(item) {
            match dropped.iter_mut().find(|(w, _)| *w == why) {
                Some((_, n)) => *n += 1,
                None => dropped.push((why, 1)),
            }
            continue;
        }
        let title = title(&item.title);
        let group = groups.iter().find(|g| {
            g.repo == item.repo()
                && (g.labels.is_empty() || g.labels.iter().any(|l| item.has_label(l)))
        });
        match group {
            Some(g) => {
                let line = format!("* [{title}]({})", item.html_url);
                if let Some((_, list)) = by_heading.iter_mut().find(|(h, _)| *h == g.heading) {
                    list.push(line);
                }
            }
            None => {
                let project = item.repo().rsplit('/').next().unwrap_or("");
                others.push(format!("* {project}: [{title}]({})", item.html_url));
            }
        }
    }
    if !others.is_empty() {
        by_heading.push(("Others".into(), others));
    }
    for (heading, mut list) in by_heading.into_iter().filter(|(_, l)| !l.is_empty()) {
        list.sort_by_key(|l| sort_key(l));
        list.dedup();
        let _ = write!(out, "\n#### {heading}\n\n{}\n", list.join("\n"));
    }
    dropped.sort();
    (out, dropped)
}

/// Case and backticks do not count in TWIR's order.
fn sort_key(line: &str) -> String {
    line.chars()
        .filter(|c| *c != '`')
        .flat_map(char::to_lowercase)
        .collect()
}

/// A PR title as TWIR prints it: whole, Markdown-escaped outside code, the first word
/// lower-cased when it is an ordinary capitalised word (`Add` → `add`; `ICE`, `LLVM`,
/// `StableMIR` and code stay).
pub fn title(raw: &str) -> String {
    let raw = raw.trim();
    let first_end = raw.find(char::is_whitespace).unwrap_or(raw.len());
    let first = &raw[..first_end];
    let mut chars = first.chars();
    let ordinary = chars.next().is_some_and(char::is_uppercase)
        && chars.clone().next().is_some()
        && chars.all(|c| c.is_lowercase() || !c.is_alphabetic());
    let text = if ordinary {
        let mut c = first.chars();
        let head: String = c
            .next()
            .map(|h| h.to_lowercase().collect())
            .unwrap_or_default();
        format!("{head}{}{}", c.as_str(), &raw[first_end..])
    } else {
        raw.to_string()
    };
    escape(&text)
}

/// Brackets, emphasis marks and `<` escaped outside backtick spans.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_code = false;
    for c in text.chars() {
        if c == '`' {
            in_code = !in_code;
        } else if !in_code && matches!(c, '[' | ']' | '*' | '_' | '<' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(repo: &str, title: &str, labels: &[&str], bot: bool) -> Item {
        serde_json::from_value(serde_json::json!({
            "number": 1,
            "title": title,
            "html_url": format!("https://github.com/{repo}/pull/{}", title.len()),
            "repository_url": format!("https://api.github.com/repos/{repo}"),
            "user": {"login": "x", "type": if bot { "Bot" } else { "User" }},
            "labels": labels.iter().map(|l| serde_json::json!({"name": l})).collect::<Vec<_>>(),
        }))
        .unwrap()
    }

    #[test]
    fn titles_as_twir_prints_them() {
        assert_eq!(
            title("Add a lint for `foo_bar`"),
            "add a lint for `foo_bar`"
        );
        assert_eq!(
            title("ICE on [T; N] with *raw* pointers"),
            "ICE on \\[T; N\\] with \\*raw\\* pointers"
        );
        assert_eq!(title("LLVM 21 upgrade"), "LLVM 21 upgrade");
        assert_eq!(title("StableMIR: add types"), "StableMIR: add types");
        assert_eq!(
            title("`never_patterns`: Parse arms"),
            "`never_patterns`: Parse arms"
        );
        assert_eq!(title("A"), "A");
    }

    #[test]
    fn groups_and_leaves_out() {
        let items = vec![
            item("rust-lang/rust", "Implement the thing", &[], false),
            item(
                "rust-lang/rust",
                "Stabilize `Vec::pop_if`",
                &["T-libs-api"],
                false,
            ),
            item(
                "rust-lang/rust",
                "rustdoc: hide stuff",
                &["T-rustdoc"],
                false,
            ),
            item("rust-lang/rust", "Rollup of 9 pull requests", &[], false),
            item("rust-lang/rust-clippy", "`new_lint`: warn on x", &[], false),
            item("rust-lang/cargo", "Bump serde from 1.0 to 1.1", &[], false),
            item("rust-lang/miri", "Automatic Rustup", &[], false),
            item("rust-lang/rustup", "Support a new target", &[], false),
            item("rust-lang/rust", "Update books", &[], true),
        ];
        let (md, dropped) = section(
            412,
            "https://github.com/search?q=x",
            &items,
            &default_groups(),
        );
        assert_eq!(
            md,
            "412 pull requests were [merged in the last week][merged]\n\n\
[merged]: https://github.com/search?q=x\n\n\
#### Rustdoc\n\n* [rustdoc: hide stuff](https://github.com/rust-lang/rust/pull/19)\n\n\
#### Library\n\n* [stabilize `Vec::pop_if`](https://github.com/rust-lang/rust/pull/23)\n\n\
#### Compiler\n\n* [implement the thing](https://github.com/rust-lang/rust/pull/19)\n\n\
#### Clippy\n\n* [`new_lint`: warn on x](https://github.com/rust-lang/rust-clippy/pull/21)\n\n\
#### Others\n\n* rustup: [support a new target](https://github.com/rust-lang/rustup/pull/20)\n"
        );
        assert_eq!(
            dropped,
            [
                (LeftOut::Bot, 1),
                (LeftOut::Rollup, 1),
                (LeftOut::Sync, 1),
                (LeftOut::Bump, 1)
            ]
        );
    }
}
