//! `twir gather`: the perf section against what TWIR published, and the GitHub sections
//! against a GitHub stand-in on 127.0.0.1.

use crate::standin::{Reply, StandIn};
use crate::support::*;
use twir::gather::perf::Report;

/// Whitespace collapsed, and the link texts editors retype by hand each week made equal:
/// the revision range's hashes (cut to 6–10 characters) and `[Full report here]`
/// (`[Full report]`, `[Full Report Here]`).
fn normalised(section: &str) -> String {
    let mut out = String::new();
    for line in section.lines() {
        let text_of = |prefix: &str, same: &str| {
            let rest = line.strip_prefix(prefix)?;
            let (_, url) = rest.split_once("](")?;
            Some(format!("{same}({url}"))
        };
        let line = text_of("Revision range: [", "Revision range: [..]")
            .or_else(|| text_of("[Full", "[Full report here]"))
            .unwrap_or_else(|| line.to_string());
        out.push_str(&line);
        out.push(' ');
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The perf section TWIR published with the report of `date`, if an issue links to it.
fn published(content: &std::path::Path, date: &str) -> Option<String> {
    for e in std::fs::read_dir(content).ok()? {
        let path = e.ok()?.path();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let Some(at) = text.find("### Rust Compiler Performance Triage") else {
            continue;
        };
        let body = &text[at..];
        let body = &body[body.find('\n')? + 1..];
        let end = body
            .find("\n### ")
            .or_else(|| body.find("\n## "))
            .unwrap_or(body.len());
        let section = &body[..end];
        if section.contains(&format!("triage/{date}.md)")) {
            return Some(section.trim().to_string());
        }
    }
    None
}

/// The perf section made from each 2023 report matches the one TWIR published for that
/// week (whitespace and the hand-cut hash length aside) for at least 90% of them. Prints
/// the differences left. Needs `../shared`.
#[cfg_attr(not(twir_shared), ignore = "needs ../shared beside the checkout")]
#[test]
fn perf_sections_match_the_2023_archive() {
    let shared = shared();
    let content = shared.join("twir-sample/content");
    let mut reports: Vec<_> = std::fs::read_dir(shared.join("perf-triage"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("2023-")
        })
        .collect();
    reports.sort();
    let (mut compared, mut matched, mut differ) = (0, 0, Vec::new());
    for path in &reports {
        let date = path.file_stem().unwrap().to_string_lossy().to_string();
        let Some(published) = published(&content, &date) else {
            continue;
        };
        let report = Report::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
        // The report's page, as the archive links it (`html_url` in `twir gather`).
        let link = published
            .lines()
            .filter(|l| l.starts_with("[Full"))
            .find_map(|l| l.split_once("](")?.1.strip_suffix(')'))
            .unwrap_or_default()
            .to_string();
        let made = report.section(&link, published.contains("**Summary**"));
        compared += 1;
        if normalised(&made) == normalised(&published) {
            matched += 1;
        } else {
            differ.push(date);
        }
    }
    eprintln!("perf sections: {matched} of {compared} match; differ: {differ:?}");
    assert!(compared >= 40, "{compared} reports compared");
    // Each difference left is a hand edit the README lists.
    let listed: Vec<String> = readme_rows("Perf sections that differ")
        .into_iter()
        .map(|cells| cells[0].clone())
        .collect();
    assert_eq!(differ, listed, "differences and the README's list");
}

/// The week of the issue of 2025-10-22.
const WEEK: &str = "is:pr org:rust-lang is:merged merged:2025-10-14..2025-10-21";
const SECRET: &str = "ghp_standinSECRET0123456789";

const DRAFT: &str = "Title: This Week in Rust 622\nNumber: 622\nDate: 2025-10-22\n\
Category: This Week in Rust\n\nHello! An editor's own line.\n\n## Calls for Testing\n\
An important step for RFC implementation...\n\n<!-- If there are new CfT items this week -->\n\n\
## Updates from the Rust Project\n\n\
<!-- Rust updates go here -->\n\n### Rust Compiler Performance Triage\n\n<!-- Perf results go here -->\n\n\
### [Approved RFCs](https://github.com/rust-lang/rfcs/commits/master)\n\nChanges to Rust follow...\n\n\
### Final Comment Period\n\nEvery week...\n\n#### Tracking Issues & PRs\n<!-- Either remove -->\n\n\
#### [New and Updated RFCs](https://github.com/rust-lang/rfcs/pulls)\n<!-- Use either -->\n\n\
## Upcoming Events\n\n* [An editor's pick](https://e.com/pick)\n";

const REPORT: &str = "# 2025-10-20 Triage Log\n\nA calm week.\n\nTriage done by **@kobzol**.\n\
Revision range: [0123456789abcdef0123..fedcba9876543210fedc](https://perf.rust-lang.org/?start=0123&end=fedc)\n\n\
1 Regression, 2 Improvements, 0 Mixed; 1 of them in rollups\n30 artifact comparisons made in total\n\n#### Regressions\n\nmore\n";

fn pr(n: u64, repo: &str, title: &str, labels: &[&str], bot: bool) -> serde_json::Value {
    serde_json::json!({
        "number": n,
        "title": title,
        "html_url": format!("https://github.com/{repo}/pull/{n}"),
        "repository_url": format!("https://api.github.com/repos/{repo}"),
        "user": {"login": if bot { "bors" } else { "someone" }, "type": if bot { "Bot" } else { "User" }},
        "labels": labels.iter().map(|l| serde_json::json!({"name": l})).collect::<Vec<_>>(),
        "state": "closed",
        "pull_request": {"merged_at": "2025-10-15T10:00:00Z"},
    })
}

/// 250 merged PRs of the week: a rollup, a bot's, one each for Clippy, Library and
/// Rustdoc, the rest compiler work.
fn week_prs() -> Vec<serde_json::Value> {
    let mut all = vec![
        pr(1, "rust-lang/rust", "Rollup of 7 pull requests", &[], false),
        pr(2, "rust-lang/rust", "Update books", &[], true),
        pr(
            3,
            "rust-lang/rust-clippy",
            "Add `manual_abs_diff` lint",
            &[],
            false,
        ),
        pr(
            4,
            "rust-lang/rust",
            "Stabilize `Vec::pop_if`",
            &["T-libs-api"],
            false,
        ),
        pr(
            5,
            "rust-lang/rust",
            "rustdoc: Show `[T]` in search",
            &["T-rustdoc"],
            false,
        ),
    ];
    all.extend((6..=250).map(|n| {
        pr(
            n,
            "rust-lang/rust",
            &format!("Speed up pass number {n}"),
            &[],
            false,
        )
    }));
    all
}

/// GitHub as `twir gather` needs it: a search over three pages (the first answering 502
/// once, the second a secondary rate limit once), the triage folder and a report; ETags
/// on everything, 304 when they match.
fn github() -> StandIn {
    let base = std::sync::Arc::new(std::sync::OnceLock::<String>::new());
    let b = std::sync::Arc::clone(&base);
    let standin = StandIn::start(move |req, earlier| {
        let base = b.get().cloned().unwrap_or_default();
        let etag = format!(
            "\"{}-{}\"",
            req.path.replace('/', "_"),
            req.query.get("page").map_or("1", |p| p)
        );
        if req.headers.get("if-none-match") == Some(&etag) {
            return Reply::status(304, "");
        }
        let reply = match req.path.as_str() {
            "/search/issues" if req.query.get("q").map(String::as_str) == Some(WEEK) => {
                let page: usize = req
                    .query
                    .get("page")
                    .and_then(|p| p.parse().ok())
                    .unwrap_or(1);
                if page == 1 && earlier == 0 {
                    return Reply::status(502, "{\"message\":\"Server Error\"}");
                }
                if page == 2 && earlier == 0 {
                    return Reply::status(
                        403,
                        "{\"message\":\"You have exceeded a secondary rate limit.\"}",
                    )
                    .header("Retry-After", "1");
                }
                let items: Vec<_> = week_prs()
                    .into_iter()
                    .skip((page - 1) * 100)
                    .take(100)
                    .collect();
                let mut r = Reply::json(serde_json::json!({
                    "total_count": 250, "incomplete_results": false, "items": items,
                }))
                .header("X-RateLimit-Resource", "search")
                .header("X-RateLimit-Remaining", "27")
                .header("X-RateLimit-Reset", "1761000000");
                if page < 3 {
                    let q: String = form_urlencoded::Serializer::new(String::new())
                        .append_pair("q", WEEK)
                        .append_pair("per_page", "100")
                        .append_pair("page", &(page + 1).to_string())
                        .finish();
                    r = r.header(
                        "Link",
                        &format!("<{base}/search/issues?{q}>; rel=\"next\", <{base}/search/issues?page=3>; rel=\"last\""),
                    );
                }
                r
            }
            "/search/issues" => {
                let q = req.query.get("q").cloned().unwrap_or_default();
                let items = match q.as_str() {
                    "repo:rust-lang/rust state:open label:call-for-testing" => {
                        vec![pr(
                            900,
                            "rust-lang/rust",
                            "Call for testing: `async` drop",
                            &[],
                            false,
                        )]
                    }
                    "repo:rust-lang/cargo state:open label:call-for-testing" => {
                        vec![pr(901, "rust-lang/cargo", "Test the old thing", &[], false)]
                    }
                    "repo:rust-lang/rust state:open label:final-comment-period" => vec![
                        pr(
                            910,
                            "rust-lang/rust",
                            "Stabilize `let chains`",
                            &["disposition-merge"],
                            false,
                        ),
                        pr(
                            911,
                            "rust-lang/rust",
                            "Tracking issue for an old FCP",
                            &["disposition-merge"],
                            false,
                        ),
                    ],
                    "repo:rust-lang/rfcs state:open label:final-comment-period" => {
                        vec![pr(
                            3900,
                            "rust-lang/rfcs",
                            "RFC: Crabs in std",
                            &["disposition-postpone"],
                            false,
                        )]
                    }
                    "repo:rust-lang/rfcs is:pr is:merged merged:2025-10-14..2025-10-21" => {
                        vec![pr(
                            3800,
                            "rust-lang/rfcs",
                            "RFC: Default field values",
                            &[],
                            false,
                        )]
                    }
                    _ => Vec::new(),
                };
                Reply::json(serde_json::json!({
                    "total_count": items.len(), "incomplete_results": false, "items": items,
                }))
            }
            path if path.starts_with("/repos/") && path.ends_with("/events") => {
                let labeled = |label: &str, at: &str| serde_json::json!({"event": "labeled", "created_at": at, "label": {"name": label}});
                let page: usize = req
                    .query
                    .get("page")
                    .and_then(|p| p.parse().ok())
                    .unwrap_or(1);
                let events = match (path, page) {
                    ("/repos/rust-lang/rust/issues/900/events", _) => {
                        vec![labeled("call-for-testing", "2025-10-16T09:00:00Z")]
                    }
                    ("/repos/rust-lang/cargo/issues/901/events", _) => {
                        vec![labeled("call-for-testing", "2025-09-01T09:00:00Z")]
                    }
                    // Two pages: the label was added inside the week, on the second.
                    ("/repos/rust-lang/rust/issues/910/events", 1) => {
                        return Reply::json(serde_json::json!([{"event": "commented", "created_at": "2025-10-01T00:00:00Z", "label": null}]))
                            .header("Link", &format!("<{base}{path}?per_page=100&page=2>; rel=\"next\""))
                            .header("ETag", &etag);
                    }
                    ("/repos/rust-lang/rust/issues/910/events", _) => {
                        vec![labeled("final-comment-period", "2025-10-20T23:59:00Z")]
                    }
                    ("/repos/rust-lang/rust/issues/911/events", _) => {
                        vec![labeled("final-comment-period", "2025-10-01T12:00:00Z")]
                    }
                    ("/repos/rust-lang/rfcs/issues/3900/events", _) => {
                        vec![labeled("final-comment-period", "2025-10-14T00:00:01Z")]
                    }
                    _ => Vec::new(),
                };
                Reply::json(serde_json::json!(events))
            }
            "/repos/rust-lang/rustc-perf/contents/triage/2025" => Reply::json(serde_json::json!([
                {"name": "2025-10-13.md", "type": "file", "html_url": "https://github.com/rust-lang/rustc-perf/blob/master/triage/2025/2025-10-13.md", "download_url": format!("{base}/raw/2025-10-13.md")},
                {"name": "2025-10-20.md", "type": "file", "html_url": "https://github.com/rust-lang/rustc-perf/blob/master/triage/2025/2025-10-20.md", "download_url": format!("{base}/raw/2025-10-20.md")},
                {"name": "2025-10-27.md", "type": "file", "html_url": "x", "download_url": format!("{base}/raw/2025-10-27.md")},
            ])),
            "/raw/2025-10-20.md" => Reply::status(200, REPORT),
            _ => return Reply::status(404, "{\"message\":\"Not Found\"}"),
        };
        reply.header("ETag", &etag)
    });
    base.set(standin.base.clone()).unwrap();
    standin
}

fn gather(root: &std::path::Path, base: &str, args: &[&str]) -> std::process::Output {
    twir_env(
        args,
        root,
        &[
            ("TWIR_GITHUB_API", &base),
            ("GITHUB_TOKEN", &SECRET),
            ("GH_TOKEN", &""),
        ],
    )
}

fn gather_root(name: &str) -> std::path::PathBuf {
    let root = empty_root(name);
    std::fs::write(root.join("draft/2025-10-22-this-week-in-rust.md"), DRAFT).unwrap();
    root
}

#[test]
fn gathers_into_the_draft_and_costs_only_304s_the_second_time() {
    let github = github();
    let root = gather_root("gather-into");
    let draft = root.join("draft/2025-10-22-this-week-in-rust.md");
    let out = gather(
        &root,
        &github.base,
        &["gather", "--into", "draft/2025-10-22-this-week-in-rust.md"],
    );
    succeeds(&out);
    let text = std::fs::read_to_string(&draft).unwrap();
    let q = "is%3Apr+org%3Arust-lang+is%3Amerged+merged%3A2025-10-14..2025-10-21";
    for want in [
        "## Updates from the Rust Project\n\n250 pull requests were [merged in the last week][merged]\n\n",
        &format!("[merged]: https://github.com/search?q={q}\n"),
        "#### Library\n\n* [stabilize `Vec::pop_if`](https://github.com/rust-lang/rust/pull/4)\n",
        "#### Rustdoc\n\n* [rustdoc: Show `[T]` in search](https://github.com/rust-lang/rust/pull/5)\n",
        "#### Clippy\n\n* [add `manual_abs_diff` lint](https://github.com/rust-lang/rust-clippy/pull/3)\n",
        "* [speed up pass number 250](https://github.com/rust-lang/rust/pull/250)\n",
        "### Rust Compiler Performance Triage\n\nA calm week.\n\nTriage done by **@kobzol**.\n\
Revision range: [01234567..fedcba98](https://perf.rust-lang.org/?start=0123&end=fedc)\n\n\
1 Regression, 2 Improvements, 0 Mixed; 1 of them in rollups\n30 artifact comparisons made in total\n\n\
[Full report here](https://github.com/rust-lang/rustc-perf/blob/master/triage/2025/2025-10-20.md)\n\n### [Approved RFCs]",
        // Calls for testing: Rust's entered this week, Cargo's long ago.
        "[Rust](https://github.com/rust-lang/rust/labels/call-for-testing)\n\
* [call for testing: `async` drop](https://github.com/rust-lang/rust/pull/900)\n\
\x20   * [Testing steps](https://github.com/rust-lang/rust/pull/900)\n\n\
* *No calls for testing were issued this week by [Rust language RFCs](https://github.com/rust-lang/rfcs/issues?q=label%3Acall-for-testing), \
[Cargo](https://github.com/rust-lang/cargo/labels/call-for-testing) or [Rustup](https://github.com/rust-lang/rustup/labels/call-for-testing).*\n\n\
[Let us know](https://github.com/rust-lang/this-week-in-rust/issues) if you would like your feature to be tracked as a part of this list.\n\n\
## Updates from the Rust Project",
        "are the RFCs that were approved for implementation this week:\n\n\
* [RFC: Default field values](https://github.com/rust-lang/rfcs/pull/3800)\n\n### Final Comment Period",
        "#### Tracking Issues & PRs\n\n##### [Rust](https://github.com/rust-lang/rust/issues?q=is%3Aopen+label%3Afinal-comment-period+sort%3Aupdated-desc)\n\
* [disposition: merge] [stabilize `let chains`](https://github.com/rust-lang/rust/pull/910)\n\n\
##### [Rust RFCs](https://github.com/rust-lang/rfcs/labels/final-comment-period)\n\
* [disposition: postpone] [RFC: Crabs in std](https://github.com/rust-lang/rfcs/pull/3900)\n\n\
*No Items entered Final Comment Period this week for [Cargo](",
        "#### [New and Updated RFCs](https://github.com/rust-lang/rfcs/pulls)\n\n\
* *No New or Updated RFCs were created this week.*\n\n## Upcoming Events",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
    assert!(!text.contains("Rollup of") && !text.contains("Update books"));
    assert!(!text.contains("old FCP") && !text.contains("Test the old thing"));
    // The editor's lines are untouched.
    assert!(text.starts_with("Title: This Week in Rust 622\nNumber: 622\nDate: 2025-10-22\nCategory: This Week in Rust\n\nHello! An editor's own line.\n\n## Calls for Testing\n\n"));
    assert!(text.ends_with("\n\n## Upcoming Events\n\n* [An editor's pick](https://e.com/pick)\n"));
    let err = stderr(&out);
    assert!(
        err.contains("left out of the candidates: 1 by bots, 1 rollups"),
        "{err}"
    );
    assert!(err.contains("retried"), "{err}");
    // The 502 and the secondary limit were each retried once.
    let seen = github.seen();
    assert_eq!(seen.iter().filter(|(_, s)| *s == 502).count(), 1);
    assert_eq!(seen.iter().filter(|(_, s)| *s == 403).count(), 1);
    let first_run = seen.len();

    let again = gather(
        &root,
        &github.base,
        &["gather", "--into", "draft/2025-10-22-this-week-in-rust.md"],
    );
    succeeds(&again);
    assert!(
        stdout(&again).contains("is up to date"),
        "{}",
        stdout(&again)
    );
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), text);
    let second: Vec<u16> = github.seen()[first_run..].iter().map(|(_, s)| *s).collect();
    assert!(
        !second.is_empty() && second.iter().all(|s| *s == 304),
        "{second:?}"
    );

    // The token went to the API in a header and nowhere else.
    assert!(
        github
            .seen()
            .iter()
            .all(|(r, _)| r.headers.get("authorization").map(String::as_str)
                == Some(&*format!("Bearer {SECRET}")))
    );
    for o in [&out, &again] {
        assert!(!stdout(o).contains(SECRET) && !stderr(o).contains(SECRET));
    }
    for e in std::fs::read_dir(root.join(".twir-cache/http")).unwrap() {
        let body = std::fs::read_to_string(e.unwrap().path()).unwrap();
        assert!(!body.contains(SECRET), "the token is in the cache");
    }
}

#[test]
fn a_week_above_the_search_cap_is_split() {
    const DAYS: [&str; 8] = ["14", "15", "16", "17", "18", "19", "20", "21"];
    let standin = StandIn::start(|req, _| {
        let q = req.query.get("q").cloned().unwrap_or_default();
        let page = |total: u64, n: u64| {
            Reply::json(serde_json::json!({
                "total_count": total, "incomplete_results": false,
                "items": (0..n).map(|i| pr(i, "rust-lang/rust", &format!("Change {i}"), &[], false)).collect::<Vec<_>>(),
            }))
        };
        if q == WEEK {
            return page(1500, 0);
        }
        if q == "is:pr org:rust-lang is:merged merged:2025-10-15..2025-10-15" {
            return page(1200, 0);
        }
        if q == "is:pr repo:rust-lang/rust is:merged merged:2025-10-15..2025-10-15" {
            return page(5, 5);
        }
        if q == "is:pr org:rust-lang -repo:rust-lang/rust is:merged merged:2025-10-15..2025-10-15" {
            return page(3, 3);
        }
        if DAYS
            .iter()
            .any(|d| q == format!("is:pr org:rust-lang is:merged merged:2025-10-{d}..2025-10-{d}"))
        {
            return page(10, 10);
        }
        Reply::status(422, "{\"message\":\"Validation Failed\"}")
    });
    let root = gather_root("gather-split");
    let out = gather(
        &root,
        &standin.base,
        &["gather", "project", "--date", "2025-10-22"],
    );
    succeeds(&out);
    assert!(
        stdout(&out).contains("78 pull requests were [merged in the last week][merged]"),
        "{}",
        stdout(&out)
    );
    let err = stderr(&out);
    assert!(
        err.contains("searched day by day") && err.contains("searched rust-lang/rust apart"),
        "{err}"
    );
}

#[test]
fn a_draft_of_an_older_layout_gets_the_sections_it_has() {
    let standin = github();
    let root = gather_root("gather-older");
    let draft = root.join("draft/2025-10-22-this-week-in-rust.md");
    // No `## Calls for Testing` section, as in 2023.
    let old = DRAFT.replace("## Calls for Testing\n", "## Call for Testing Elsewhere\n");
    std::fs::write(&draft, &old).unwrap();
    let out = gather(
        &root,
        &standin.base,
        &["gather", "--into", "draft/2025-10-22-this-week-in-rust.md"],
    );
    succeeds(&out);
    assert!(
        stderr(&out).contains("note: skipping Cft: the draft has no `Calls for Testing` section"),
        "{}",
        stderr(&out)
    );
    assert!(
        std::fs::read_to_string(&draft)
            .unwrap()
            .contains("250 pull requests were")
    );
    // Asked for by name, a missing section is an error before any request.
    let before = standin.seen().len();
    let out = gather(
        &root,
        &standin.base,
        &[
            "gather",
            "cft",
            "--into",
            "draft/2025-10-22-this-week-in-rust.md",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(standin.seen().len(), before);
}

#[test]
fn malformed_json_names_the_url_and_leaves_the_draft() {
    let standin =
        StandIn::start(|_, _| Reply::status(200, "{\"total_count\": 3, \"items\": [oops"));
    let root = gather_root("gather-malformed");
    let out = gather(
        &root,
        &standin.base,
        &["gather", "--into", "draft/2025-10-22-this-week-in-rust.md"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("/search/issues?q=") && err.contains("JSON"),
        "{err}"
    );
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(
        std::fs::read_to_string(root.join("draft/2025-10-22-this-week-in-rust.md")).unwrap(),
        DRAFT
    );
}

#[test]
fn a_budget_too_small_stops_before_spending_it() {
    // Page one says 250 results follow in three pages, with one search request left.
    let standin = StandIn::start(|req, _| {
        if req.path != "/search/issues" {
            return Reply::status(404, "{}");
        }
        Reply::json(serde_json::json!({
            "total_count": 250, "incomplete_results": false, "items": [],
        }))
        .header("X-RateLimit-Resource", "search")
        .header("X-RateLimit-Remaining", "1")
        .header("X-RateLimit-Reset", "1761000000")
    });
    let root = gather_root("gather-budget");
    let out = gather(
        &root,
        &standin.base,
        &[
            "gather",
            "project",
            "--into",
            "draft/2025-10-22-this-week-in-rust.md",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(
            "2 more requests are needed but the search rate limit has 1 left; it resets at"
        ),
        "{err}"
    );
    assert_eq!(standin.seen().len(), 1, "no request after the first");
    // A used-up budget says when it resets.
    let spent = StandIn::start(|_, _| {
        Reply::status(403, "{\"message\":\"API rate limit exceeded\"}")
            .header("X-RateLimit-Remaining", "0")
            .header("X-RateLimit-Reset", "1761000000")
    });
    let out = gather(
        &root,
        &spent.base,
        &["gather", "project", "--date", "2025-10-22"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("the core rate limit is used up; it resets at"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(root.join("draft/2025-10-22-this-week-in-rust.md")).unwrap(),
        DRAFT
    );
}
