//! Benchmark: `twir gather` for a week of 700 merged PRs (seven search pages), 60 labelled
//! items (calls for testing and final comment periods, each needing its events) and the
//! perf triage, against a GitHub stand-in on 127.0.0.1 that adds 50 ms to each answer, as
//! a far API does. Prints the requests made and the wall time, cold (empty cache) and warm
//! (every answer revalidated with `If-None-Match`). Run: `cargo bench --bench gather_standin`.

// The tests' stand-in, shared; the bench reads less of each request than they do.
#[path = "../tests/cli/standin.rs"]
#[allow(dead_code)]
mod standin;

use standin::{Reply, StandIn};
use std::time::{Duration, Instant};

const WEEK: &str = "is:pr org:rust-lang is:merged merged:2025-10-14..2025-10-21";
const PRS: usize = 700;
const LATENCY: Duration = Duration::from_millis(50);

fn main() {
    let base = std::sync::Arc::new(std::sync::OnceLock::<String>::new());
    let b = std::sync::Arc::clone(&base);
    let github = StandIn::start(move |req, _| {
        std::thread::sleep(LATENCY);
        let base = b.get().cloned().unwrap_or_default();
        let page: usize = req
            .query
            .get("page")
            .and_then(|p| p.parse().ok())
            .unwrap_or(1);
        let etag = format!("\"{}-{page}\"", req.path.replace('/', "_"));
        if req.headers.get("if-none-match") == Some(&etag) {
            return Reply::status(304, "");
        }
        let reply = match req.path.as_str() {
            "/search/issues" if req.query.get("q").is_some_and(|q| q.contains("label:")) => {
                let q = &req.query["q"];
                // 60 labelled items: 10 calls for testing in rust-lang/rust, 40 final
                // comment periods there and 10 in rust-lang/rfcs.
                let (repo, range) = match q.as_str() {
                    "repo:rust-lang/rust state:open label:call-for-testing" => {
                        ("rust-lang/rust", 1000..1010)
                    }
                    "repo:rust-lang/rust state:open label:final-comment-period" => {
                        ("rust-lang/rust", 2000..2040)
                    }
                    "repo:rust-lang/rfcs state:open label:final-comment-period" => {
                        ("rust-lang/rfcs", 3000..3010)
                    }
                    _ => ("rust-lang/rust", 0..0),
                };
                let items: Vec<_> = range
                    .map(|n| {
                        serde_json::json!({
                            "number": n, "title": format!("Item {n}"),
                            "html_url": format!("https://github.com/{repo}/issues/{n}"),
                            "repository_url": format!("https://api.github.com/repos/{repo}"),
                            "user": {"login": "someone", "type": "User"},
                            "labels": [{"name": "disposition-merge"}],
                        })
                    })
                    .collect();
                Reply::json(serde_json::json!({
                    "total_count": items.len(), "incomplete_results": false, "items": items,
                }))
            }
            path if path.ends_with("/events") => Reply::json(serde_json::json!([
                {"event": "labeled", "created_at": "2025-10-16T10:00:00Z", "label": {"name": "call-for-testing"}},
                {"event": "labeled", "created_at": "2025-10-17T10:00:00Z", "label": {"name": "final-comment-period"}},
            ])),
            "/search/issues" if req.query.get("q").map(String::as_str) != Some(WEEK) => {
                Reply::json(
                    serde_json::json!({"total_count": 0, "incomplete_results": false, "items": []}),
                )
            }
            "/search/issues" => {
                let items: Vec<_> = (1..=PRS)
                    .skip((page - 1) * 100)
                    .take(100)
                    .map(|n| {
                        serde_json::json!({
                            "number": n, "title": format!("Speed up pass {n}"),
                            "html_url": format!("https://github.com/rust-lang/rust/pull/{n}"),
                            "repository_url": "https://api.github.com/repos/rust-lang/rust",
                            "user": {"login": "someone", "type": "User"}, "labels": [],
                        })
                    })
                    .collect();
                let mut r = Reply::json(serde_json::json!({
                    "total_count": PRS, "incomplete_results": false, "items": items,
                }));
                if page * 100 < PRS {
                    let q: String = form_urlencoded::Serializer::new(String::new())
                        .append_pair("q", WEEK)
                        .append_pair("per_page", "100")
                        .append_pair("page", &(page + 1).to_string())
                        .finish();
                    r = r.header("Link", &format!("<{base}/search/issues?{q}>; rel=\"next\""));
                }
                r
            }
            "/repos/rust-lang/rustc-perf/contents/triage/2025" => Reply::json(serde_json::json!([
                {"name": "2025-10-20.md", "type": "file", "html_url": "https://github.com/rust-lang/rustc-perf/blob/master/triage/2025/2025-10-20.md", "download_url": format!("{base}/raw/2025-10-20.md")},
            ])),
            "/raw/2025-10-20.md" => Reply::status(
                200,
                "# 2025-10-20 Triage Log\n\nQuiet.\n\nTriage done by **@kobzol**.\nRevision range: [aaaaaaaaaa..bbbbbbbbbb](https://perf.rust-lang.org/)\n\n1 Regression, 2 Improvements, 0 Mixed; 1 of them in rollups\n30 artifact comparisons made in total\n",
            ),
            _ => return Reply::status(404, "{}"),
        };
        reply.header("ETag", &etag)
    });
    base.set(github.base.clone()).unwrap();
    let root = std::env::temp_dir().join(format!("twir-gather-bench-{}", std::process::id()));
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::create_dir_all(root.join("draft")).unwrap();
    for run in ["cold", "warm"] {
        let before = github.seen().len();
        let start = Instant::now();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_twir"))
            .args(["gather", "--date", "2025-10-22"])
            .current_dir(&root)
            .env("TWIR_GITHUB_API", &github.base)
            .env_remove("GITHUB_TOKEN")
            .env_remove("GH_TOKEN")
            .output()
            .unwrap();
        let took = start.elapsed();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let seen = github.seen();
        let not_modified = seen[before..].iter().filter(|(_, s)| *s == 304).count();
        println!(
            "gather_standin {run}: {PRS} merged PRs, 60 labelled items, perf: {} requests ({not_modified} answered 304), {:.0} ms",
            seen.len() - before,
            took.as_secs_f64() * 1e3
        );
    }
    let _ = std::fs::remove_dir_all(root);
}
