//! Benchmark: `twir check --online` on a draft of 2,000 links over 40 hosts on loopback
//! (127.0.0.2 to 127.0.0.41), each host answering 50 ms late as a far server does;
//! cold (empty cache) and warm (the same draft again); then lychee on the same links in
//! the same run with the same per-host limit (8), once with its other defaults (128
//! requests in flight, 50 ms between requests to a host) and once with every limit the
//! same as twir's (320 in flight, no interval). Prints the wall times and the most
//! requests any host saw at once.
//!
//! lychee is built from crates.io into `target/lychee` the first time (minutes; needs the
//! registry). Run: `cargo bench --bench links_vs_lychee`.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const HOSTS: usize = 40;
const LINKS_PER_HOST: usize = 50;
const LATENCY: Duration = Duration::from_millis(50);
/// Every host's eight slots busy at once.
const TOTAL: usize = HOSTS * PER_HOST;
const PER_HOST: usize = 8;
const LYCHEE: &str = "0.24.2";

/// One host: how many requests it has in flight, the most it had, and how many it answered.
#[derive(Default)]
struct Host {
    now: AtomicUsize,
    most: AtomicUsize,
    answered: AtomicUsize,
}

fn start(ip: &str) -> (String, Arc<Host>) {
    let listener = std::net::TcpListener::bind((ip, 0)).expect("loopback address");
    let base = format!("http://{}", listener.local_addr().unwrap());
    let host = Arc::new(Host::default());
    let h = Arc::clone(&host);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let h = Arc::clone(&h);
            std::thread::spawn(move || connection(stream, &h));
        }
    });
    (base, host)
}

/// Answers requests on one connection (kept alive) until the client closes it.
fn connection(mut stream: std::net::TcpStream, host: &Host) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    loop {
        let mut first = String::new();
        if reader.read_line(&mut first).map_or(true, |n| n == 0) {
            return;
        }
        let mut line = String::new();
        while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
            line.clear();
        }
        let now = host.now.fetch_add(1, Ordering::SeqCst) + 1;
        host.most.fetch_max(now, Ordering::SeqCst);
        std::thread::sleep(LATENCY);
        host.now.fetch_sub(1, Ordering::SeqCst);
        host.answered.fetch_add(1, Ordering::SeqCst);
        let body = "<html><head><title>A page</title></head><body>text</body></html>";
        let head_only = first.starts_with("HEAD");
        let reply = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{}",
            body.len(),
            if head_only { "" } else { body }
        );
        if stream.write_all(reply.as_bytes()).is_err() {
            return;
        }
    }
}

/// The most requests any host had at once since the last call; resets the counts.
fn most_and_reset(hosts: &[Arc<Host>]) -> (usize, usize) {
    let most = hosts
        .iter()
        .map(|h| h.most.swap(0, Ordering::SeqCst))
        .max()
        .unwrap_or(0);
    let answered = hosts
        .iter()
        .map(|h| h.answered.swap(0, Ordering::SeqCst))
        .sum();
    (most, answered)
}

fn lychee(repo: &Path) -> Option<PathBuf> {
    let root = repo.join("target/lychee");
    let bin = root.join("bin/lychee");
    if !bin.exists() {
        eprintln!("building lychee {LYCHEE} into target/lychee (once; takes minutes)");
        let built = Command::new(env!("CARGO"))
            .args([
                "install",
                "lychee",
                "--locked",
                "--version",
                LYCHEE,
                "--root",
            ])
            .arg(&root)
            .status();
        if !built.is_ok_and(|s| s.success()) {
            eprintln!("lychee could not be built; its figures are left out");
            return None;
        }
    }
    Some(bin)
}

fn timed(cmd: &mut Command) -> (Duration, std::process::Output) {
    let t = Instant::now();
    let out = cmd.output().expect("runs");
    (t.elapsed(), out)
}

fn main() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let servers: Vec<(String, Arc<Host>)> = (0..HOSTS)
        .map(|i| start(&format!("127.0.0.{}", i + 2)))
        .collect();
    let hosts: Vec<Arc<Host>> = servers.iter().map(|(_, h)| Arc::clone(h)).collect();
    let mut links = String::new();
    for k in 0..LINKS_PER_HOST {
        for (base, _) in &servers {
            links.push_str(&format!("* [A page]({base}/post/{k})\n"));
        }
    }
    let root = repo.join("target/links-bench");
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::create_dir_all(root.join("draft")).unwrap();
    std::fs::write(
        root.join("twir.toml"),
        format!("[check.online]\nconcurrency = {TOTAL}\nper_host = {PER_HOST}\n"),
    )
    .unwrap();
    let draft = root.join("draft/2024-01-17-this-week-in-rust.md");
    std::fs::write(
        &draft,
        format!("Title: This Week in Rust 1\nNumber: 1\nDate: 2024-01-17\n\n## Jobs\n\n{links}"),
    )
    .unwrap();
    let links_total = HOSTS * LINKS_PER_HOST;

    let twir = || {
        let mut c = Command::new(env!("CARGO_BIN_EXE_twir"));
        c.args(["check", "--online", "--format", "json"])
            .current_dir(&root)
            .env("TWIR_CACHE_DIR", root.join("cache"));
        c
    };
    let (cold, out) = timed(&mut twir());
    let (cold_most, cold_answered) = most_and_reset(&hosts);
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("link-broken"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let (warm, _) = timed(&mut twir());
    let (_, warm_answered) = most_and_reset(&hosts);
    println!(
        "twir check --online, {links_total} links over {HOSTS} hosts ({} ms each): cold {:.2} s ({cold_answered} requests, at most {cold_most} at once to a host), warm {:.3} s ({warm_answered} requests)",
        LATENCY.as_millis(),
        cold.as_secs_f64(),
        warm.as_secs_f64()
    );

    let Some(lychee) = lychee(&repo) else { return };
    let total = TOTAL.to_string();
    for (label, extra) in [
        ("its defaults otherwise", vec![]),
        (
            "every limit as twir's",
            vec![
                "--max-concurrency",
                total.as_str(),
                "--host-request-interval",
                "0s",
            ],
        ),
    ] {
        let (took, out) = timed(
            Command::new(&lychee)
                .args(["--no-progress", "--host-concurrency", &PER_HOST.to_string()])
                .args(&extra)
                .arg(&draft),
        );
        let (most, answered) = most_and_reset(&hosts);
        if !out.status.success() {
            eprintln!("lychee failed: {}", String::from_utf8_lossy(&out.stderr));
        }
        println!(
            "lychee {LYCHEE}, {PER_HOST} to a host, {label}: {:.2} s ({answered} requests, at most {most} at once to a host); twir cold / lychee = {:.2}",
            took.as_secs_f64(),
            cold.as_secs_f64() / took.as_secs_f64()
        );
    }
}
