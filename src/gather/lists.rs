//! The Calls for Testing, Approved RFCs, Final Comment Period and New and Updated RFCs
//! sections, written as TWIR's template lays them out: the fixed text, each repository's
//! items under its name, and one "No ... this week for [A], [B] or [C]" sentence for the
//! repositories without any. Pure: items in, Markdown out.

use super::github::Item;
use super::labels::{Group, disposition, join_or};
use super::project::title;
use std::fmt::Write as _;

/// Where calls for testing are tracked, in TWIR's order.
pub const CFT_GROUPS: &[Group] = &[
    Group {
        name: "Rust",
        url: "https://github.com/rust-lang/rust/labels/call-for-testing",
        repo: "rust-lang/rust",
        also: &[],
    },
    Group {
        name: "Rust language RFCs",
        url: "https://github.com/rust-lang/rfcs/issues?q=label%3Acall-for-testing",
        repo: "rust-lang/rfcs",
        also: &[],
    },
    Group {
        name: "Cargo",
        url: "https://github.com/rust-lang/cargo/labels/call-for-testing",
        repo: "rust-lang/cargo",
        also: &[],
    },
    Group {
        name: "Rustup",
        url: "https://github.com/rust-lang/rustup/labels/call-for-testing",
        repo: "rust-lang/rustup",
        also: &[],
    },
];

/// Where final comment periods are tracked, in TWIR's order.
pub const FCP_GROUPS: &[Group] = &[
    Group {
        name: "Rust",
        url: "https://github.com/rust-lang/rust/issues?q=is%3Aopen+label%3Afinal-comment-period+sort%3Aupdated-desc",
        repo: "rust-lang/rust",
        also: &[],
    },
    Group {
        name: "Rust RFCs",
        url: "https://github.com/rust-lang/rfcs/labels/final-comment-period",
        repo: "rust-lang/rfcs",
        also: &[],
    },
    Group {
        name: "Cargo",
        url: "https://github.com/rust-lang/cargo/issues?q=is%3Aopen+label%3Afinal-comment-period+sort%3Aupdated-desc",
        repo: "rust-lang/cargo",
        also: &[],
    },
    Group {
        name: "Compiler Team (MCPs only)",
        url: "https://github.com/rust-lang/compiler-team/issues?q=label%3Amajor-change%20%20label%3Afinal-comment-period",
        repo: "rust-lang/compiler-team",
        also: &["major-change"],
    },
    Group {
        name: "Language Team",
        url: "https://github.com/rust-lang/lang-team/issues?q=is%3Aopen+label%3Afinal-comment-period+sort%3Aupdated-desc+",
        repo: "rust-lang/lang-team",
        also: &[],
    },
    Group {
        name: "Language Reference",
        url: "https://github.com/rust-lang/reference/issues?q=is%3Aopen+label%3Afinal-comment-period+sort%3Aupdated-desc",
        repo: "rust-lang/reference",
        also: &[],
    },
    Group {
        name: "Leadership Council",
        url: "https://github.com/rust-lang/leadership-council/issues?q=state%3Aopen%20label%3Afinal-comment-period",
        repo: "rust-lang/leadership-council",
        also: &[],
    },
    Group {
        name: "Unsafe Code Guidelines",
        url: "https://github.com/rust-lang/unsafe-code-guidelines/issues?q=is%3Aopen+label%3Afinal-comment-period+sort%3Aupdated-desc",
        repo: "rust-lang/unsafe-code-guidelines",
        also: &[],
    },
];

fn link(g: &Group) -> String {
    format!("[{}]({})", g.name, g.url)
}

fn item_line(item: &Item, prefix: &str) -> String {
    format!("* {prefix}[{}]({})", title(&item.title), item.html_url)
}

/// Each group with items under its linked name (after `heading`, a Markdown heading
/// mark or nothing), one `line` an item; then `none` naming the groups without any.
fn grouped(
    out: &mut String,
    found: &[(Group, Vec<Item>)],
    heading: &str,
    line: impl Fn(&Item) -> String,
    none: impl Fn(&str) -> String,
) {
    let mut empty = Vec::new();
    for (g, items) in found {
        if items.is_empty() {
            empty.push(link(g));
            continue;
        }
        let _ = writeln!(out, "{heading}{}", link(g));
        for item in items {
            let _ = writeln!(out, "{}", line(item));
        }
        out.push('\n');
    }
    if !empty.is_empty() {
        let _ = write!(out, "{}\n\n", none(&join_or(&empty)));
    }
}

/// The body of `## Calls for Testing`.
pub fn cft(found: &[(Group, Vec<Item>)]) -> String {
    let mut out = String::from(
        "An important step for RFC implementation is for people to experiment with the\n\
implementation and give feedback, especially before stabilization.\n\n\
If you are a feature implementer and would like your RFC to appear in this list, add a\n\
`call-for-testing` label to your RFC along with a comment providing testing instructions and/or\n\
guidance on which aspect(s) of the feature need testing.\n\n",
    );
    grouped(
        &mut out,
        found,
        "",
        |item| {
            format!(
                "{}\n    * [Testing steps]({})",
                item_line(item, ""),
                item.html_url
            )
        },
        |names| format!("* *No calls for testing were issued this week by {names}.*"),
    );
    out.push_str(
        "[Let us know](https://github.com/rust-lang/this-week-in-rust/issues) if you would like your feature to be tracked as a part of this list.\n",
    );
    out
}

/// The body of `### Approved RFCs`: the RFC PRs merged in the week.
pub fn approved(merged: &[Item]) -> String {
    let mut out = String::from(
        "Changes to Rust follow the Rust [RFC (request for comments) process](https://github.com/rust-lang/rfcs#rust-rfcs). These\n\
are the RFCs that were approved for implementation this week:\n\n",
    );
    if merged.is_empty() {
        out.push_str("* *No RFCs were approved this week.*\n");
    }
    for item in merged {
        let _ = writeln!(out, "{}", item_line(item, ""));
    }
    out
}

/// The body of `### Final Comment Period`, up to `#### New and Updated RFCs`.
pub fn fcp(found: &[(Group, Vec<Item>)]) -> String {
    let mut out = String::from(
        "Every week, [the team](https://www.rust-lang.org/team.html) announces the 'final comment period' for RFCs and key PRs\n\
which are reaching a decision. Express your opinions now.\n\n#### Tracking Issues & PRs\n\n",
    );
    grouped(
        &mut out,
        found,
        "##### ",
        |item| item_line(item, disposition(item)),
        |names| format!("*No Items entered Final Comment Period this week for {names}.*"),
    );
    out.push_str(
        "Let us know if you would like your PRs, Tracking Issues or RFCs to be tracked as a part of this list.\n",
    );
    out
}

/// The body of `#### New and Updated RFCs`: the RFC PRs opened in the week.
pub fn new_rfcs(opened: &[Item]) -> String {
    if opened.is_empty() {
        return "* *No New or Updated RFCs were created this week.*\n".into();
    }
    opened.iter().map(|i| item_line(i, "") + "\n").collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(title: &str, n: u64, labels: &[&str]) -> Item {
        serde_json::from_value(serde_json::json!({
            "number": n, "title": title,
            "html_url": format!("https://github.com/rust-lang/rust/pull/{n}"),
            "repository_url": "https://api.github.com/repos/rust-lang/rust",
            "user": {"login": "x", "type": "User"},
            "labels": labels.iter().map(|l| serde_json::json!({"name": l})).collect::<Vec<_>>(),
        }))
        .unwrap()
    }

    #[test]
    fn fcp_lists_items_and_joins_the_rest() {
        let found: Vec<(Group, Vec<Item>)> = FCP_GROUPS
            .iter()
            .map(|g| {
                let items = if g.name == "Rust" {
                    vec![
                        item("Stabilize `let chains`", 1, &["disposition-merge"]),
                        item("Remove a thing", 2, &["disposition-close"]),
                    ]
                } else {
                    Vec::new()
                };
                (*g, items)
            })
            .collect();
        let md = fcp(&found);
        assert!(md.contains("##### [Rust](https://github.com/rust-lang/rust/issues?q=is%3Aopen+label%3Afinal-comment-period+sort%3Aupdated-desc)\n\
* [disposition: merge] [stabilize `let chains`](https://github.com/rust-lang/rust/pull/1)\n\
* [disposition: close] [remove a thing](https://github.com/rust-lang/rust/pull/2)\n"), "{md}");
        assert!(md.contains("*No Items entered Final Comment Period this week for [Rust RFCs](https://github.com/rust-lang/rfcs/labels/final-comment-period), [Cargo]("), "{md}");
        assert!(md.contains("[Leadership Council](https://github.com/rust-lang/leadership-council/issues?q=state%3Aopen%20label%3Afinal-comment-period) or [Unsafe Code Guidelines]("), "{md}");
    }

    #[test]
    fn empty_weeks_say_so() {
        assert!(approved(&[]).ends_with("* *No RFCs were approved this week.*\n"));
        assert_eq!(
            new_rfcs(&[]),
            "* *No New or Updated RFCs were created this week.*\n"
        );
        let found: Vec<(Group, Vec<Item>)> = CFT_GROUPS.iter().map(|g| (*g, Vec::new())).collect();
        assert!(cft(&found).contains(
            "* *No calls for testing were issued this week by [Rust](https://github.com/rust-lang/rust/labels/call-for-testing), \
[Rust language RFCs](https://github.com/rust-lang/rfcs/issues?q=label%3Acall-for-testing), \
[Cargo](https://github.com/rust-lang/cargo/labels/call-for-testing) or \
[Rustup](https://github.com/rust-lang/rustup/labels/call-for-testing).*"
        ));
    }
}
