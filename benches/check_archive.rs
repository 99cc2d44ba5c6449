//! Benchmark: `twir check` over the whole sample archive (about 530 issues) with
//! cross-issue duplicate detection on, as `cargo bench` runs it. Needs `../shared`;
//! prints the median of several runs. Run: `cargo bench --bench check_archive`.

use std::path::PathBuf;
use std::time::{Duration, Instant};
use twir::lint::{self, RunOptions};
use twir::workspace::{self, Workspace};

const RUNS: usize = 15;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/twir-sample");
    if !root.join("content").is_dir() {
        eprintln!("skipped: ../shared/twir-sample is not beside this checkout");
        return;
    }
    let mut times: Vec<Duration> = Vec::with_capacity(RUNS);
    let mut findings = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let ws = Workspace::open(&root).expect("workspace opens");
        let files = ws.issue_files();
        let parsed = workspace::parse_files(&files).expect("archive reads");
        let history = ws.history(&parsed);
        // As `twir check` does: every file linted on all cores.
        findings = twir::par::map(&parsed, |p| {
            lint::check(&p.issue, &p.id, &ws.config, &history, RunOptions::default()).len()
        })
        .into_iter()
        .sum::<usize>();
        times.push(start.elapsed());
    }
    times.sort();
    let median = times[RUNS / 2];
    println!(
        "check_archive: {} runs, median {:.1} ms (min {:.1} ms, max {:.1} ms), {} findings",
        RUNS,
        median.as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        times[RUNS - 1].as_secs_f64() * 1e3,
        findings
    );
}
