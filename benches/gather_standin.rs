//! Benchmark: `twir gather` for a week of 700 merged PRs (seven search pages) and the perf
//! triage, against a GitHub stand-in on 127.0.0.1 that adds 50 ms to each answer, as a
//! far API does. Prints the requests made and the wall time, cold (empty cache) and warm
//! (every answer revalidated with `If-None-Match`). Run: `cargo bench --bench gather_standin`.

#[path = "../tests/cli/standin.rs"]
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
            "gather_standin {run}: {PRS} merged PRs + perf, {} requests ({not_modified} answered 304), {:.0} ms",
            seen.len() - before,
            took.as_secs_f64() * 1e3
        );
    }
    let _ = std::fs::remove_dir_all(root);
}
