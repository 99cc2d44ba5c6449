//! The built site in headless Chromium, as a reader on a phone sees it: an issue page at
//! phone width with nothing overflowing sideways, and the search box finding an issue and
//! its section. Screenshots go to `target/browser/`. Skips when Chromium is not installed
//! (`.ci/run` installs Debian's `chromium`); uses the sample archive when `../shared` is
//! there, else the example newsletter.

use crate::support::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

const CHROMIUM: &str = "/usr/bin/chromium";

/// What the test server saw: each path served with its size, and what the harness
/// page reported.
#[derive(Default)]
struct Seen {
    served: Mutex<Vec<(String, usize)>>,
    report: Mutex<Option<String>>,
    reported: Condvar,
}

/// Serves `dir` over HTTP on 127.0.0.1, plus `extra` pages. `POST /__report` stores the
/// harness's findings; `GET /__wait` (an image the harness holds its load event on)
/// answers once they are in, so Chromium dumps the page only after the search ran, in
/// real time.
fn serve_dir(dir: PathBuf, extra: Vec<(&'static str, String)>) -> (String, Arc<Seen>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let seen = Arc::new(Seen::default());
    let shared = Arc::clone(&seen);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let dir = dir.clone();
            let extra = extra.clone();
            let seen = Arc::clone(&shared);
            std::thread::spawn(move || {
                let mut stream = stream;
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request = String::new();
                if reader.read_line(&mut request).is_err() {
                    return;
                }
                let mut length = 0;
                let mut line = String::new();
                while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                    if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                        length = v.trim().parse().unwrap_or(0);
                    }
                    line.clear();
                }
                let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
                let clean = path.split(['?', '#']).next().unwrap().to_string();
                let body = if clean == "/__report" {
                    let mut body = vec![0; length];
                    let _ = reader.read_exact(&mut body);
                    *seen.report.lock().unwrap() =
                        Some(String::from_utf8_lossy(&body).into_owned());
                    seen.reported.notify_all();
                    Some(Vec::new())
                } else if clean == "/__wait" {
                    let guard = seen.report.lock().unwrap();
                    let _ = seen
                        .reported
                        .wait_timeout_while(guard, Duration::from_secs(90), |r| r.is_none());
                    Some(Vec::new())
                } else {
                    match extra.iter().find(|(p, _)| *p == clean) {
                        Some((_, b)) => Some(b.clone().into_bytes()),
                        None => {
                            let mut file = dir.join(clean.trim_start_matches('/'));
                            if clean.ends_with('/') {
                                file = file.join("index.html");
                            }
                            std::fs::read(&file).ok()
                        }
                    }
                };
                let kind = match clean.rsplit('.').next() {
                    Some("js") => "text/javascript",
                    Some("css") => "text/css",
                    _ if clean.ends_with('/') || clean.ends_with(".html") => {
                        "text/html; charset=utf-8"
                    }
                    _ => "application/octet-stream",
                };
                let (status, body) = match body {
                    Some(b) => (200, b),
                    None => (404, b"not found".to_vec()),
                };
                seen.served.lock().unwrap().push((clean, body.len()));
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status} X\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(&body);
            });
        }
    });
    (addr, seen)
}

fn chromium(args: &[&str], profile: &Path) -> String {
    let out = std::process::Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            &format!("--user-data-dir={}", profile.display()),
        ])
        .args(args)
        .output()
        .expect("chromium runs");
    let mut s = String::new();
    out.stdout.as_slice().read_to_string(&mut s).unwrap();
    s
}

/// A page that loads the issue at phone width, the search page with a query and with a
/// nonsense query in three frames, then writes what it measured into `<pre id="result">`.
fn harness(issue: &str, query: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html><body>
<iframe id="issue" src="{issue}" style="width:390px;height:844px;border:0"></iframe>
<iframe id="search" src="/search.html?q={query}" style="width:390px;height:844px;border:0"></iframe>
<iframe id="nonsense" style="width:390px;height:844px;border:0"></iframe>
<pre id="result">pending</pre>
<img src="/__wait" alt="" width="1" height="1">
<script>
const t0 = Date.now();
function check() {{
  const d = document.getElementById('issue').contentDocument;
  const s = document.getElementById('search').contentDocument;
  if (!d || !s || [d, s].some(x => x.readyState !== 'complete')) return setTimeout(check, 100);
  const links = s.querySelectorAll('#search-results li a');
  // The nonsense query runs once the first query is done, so the bytes of the first
  // query can be counted on their own (everything served before `/__first-done`).
  const frame = document.getElementById('nonsense');
  if (links.length > 0 && !frame.src) {{
    fetch('/__first-done').then(() => {{ frame.src = '/search.html?q={NONSENSE}'; }});
  }}
  const n = frame.contentDocument;
  const answered = frame.src && n && n.querySelector('#search-results li');
  if ((links.length === 0 || !answered) && Date.now() - t0 < 50000) return setTimeout(check, 200);
  const root = d.documentElement;
  // A table scrolls inside its own box, so what stands in it may reach past the screen.
  const wide = [...d.querySelectorAll('main *')].filter(e => !e.closest('table'))
    .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1)
    .slice(0, 3).map(e => e.tagName + ':' + (e.textContent || '').slice(0, 40));
  const cells = [...d.querySelectorAll('main td, main th')];
  const sections = [...s.querySelectorAll('#search-results .section')].map(e => e.textContent);
  const box = s.getElementById('search-results').getBoundingClientRect();
  const report = JSON.stringify({{
    overflow: root.scrollWidth - root.clientWidth, wide,
    tables: d.querySelectorAll('main table').length,
    cell_wrap: [...new Set(cells.map(c => getComputedStyle(c).overflowWrap))],
    results: [...links].map(a => a.getAttribute('href')), sections,
    dates: [...s.querySelectorAll('#search-results li time')].map(t => t.textContent),
    results_right: box.right, search_width: s.documentElement.clientWidth,
    nonsense: [...n.querySelectorAll('#search-results li')].map(li => li.textContent) }});
  document.getElementById('result').textContent = report;
  fetch('/__report', {{ method: 'POST', body: report }});
}}
// The frames load while the page waits on /__wait, so check as soon as they can answer.
document.getElementById('search').addEventListener('load', check);
</script></body></html>"#
    )
}

/// A page that loads an issue with a highlighted Rust block and reports the colors of a
/// keyword, of plain code and of the block's background.
fn colors_harness(issue: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html><body>
<iframe id="issue" src="{issue}" style="width:390px;height:844px;border:0"></iframe>
<img src="/__wait" alt="" width="1" height="1">
<script>
function check() {{
  const d = document.getElementById('issue').contentDocument;
  if (!d || d.readyState !== 'complete') return setTimeout(check, 100);
  const kw = d.querySelector('pre [class*="hl-storage"], pre [class*="hl-keyword"]');
  const pre = kw ? kw.closest('pre') : d.querySelector('pre');
  // Bring the block into view for the screenshot.
  if (pre) pre.scrollIntoView();
  const style = (e) => e ? getComputedStyle(e) : null;
  const report = JSON.stringify({{
    keyword: kw ? style(kw).color : null,
    text: pre ? style(pre).color : null,
    background: pre ? style(pre).backgroundColor : null,
    spans: d.querySelectorAll('pre span[class^="hl-"]').length }});
  fetch('/__report', {{ method: 'POST', body: report }});
}}
document.getElementById('issue').addEventListener('load', check);
</script></body></html>"#
    )
}

/// A query no issue matches.
const NONSENSE: &str = "qzxvwkjh";

#[cfg_attr(
    not(twir_chromium),
    ignore = "needs /usr/bin/chromium (.ci/run installs Debian's chromium)"
)]
#[test]
fn issue_page_on_a_phone_and_search() {
    let scratch_dir = scratch("browser");
    // The whole archive where `../shared` is beside the checkout, else the example.
    let (root, issue, query, section, code) = match cfg!(twir_shared).then(shared) {
        Some(shared) => (
            shared.join("twir-sample"),
            "/blog/2023/12/27/this-week-in-rust-527/",
            // Whole words: only the events "Crafting Interpreters …" have it.
            "interpreters",
            "Virtual",
            "/blog/2019/01/15/this-week-in-rust-269/",
        ),
        None => {
            let root = scratch_dir.join("newsletter");
            copy_dir(&repo().join("examples/newsletter"), &root);
            (
                root,
                "/blog/2024/01/10/this-week-in-ferris-2/",
                "pinch",
                "Quote of the Week",
                "/blog/2024/01/10/this-week-in-ferris-2/",
            )
        }
    };
    let site = scratch_dir.join("site");
    build_site(&root, &site, &scratch_dir);
    let (addr, seen) = serve_dir(
        site.clone(),
        vec![
            ("/__harness.html", harness(issue, query)),
            ("/__first-done", String::new()),
            ("/__colors.html", colors_harness(code)),
        ],
    );

    let dom = chromium(
        &[
            "--virtual-time-budget=60000",
            "--window-size=1200,1800",
            "--dump-dom",
            &format!("http://{addr}/__harness.html"),
        ],
        &scratch_dir.join("profile"),
    );
    let result = dom
        .split_once("<pre id=\"result\">")
        .and_then(|(_, r)| r.split_once("</pre>"))
        .map(|(r, _)| r.replace("&quot;", "\""))
        .unwrap_or_else(|| panic!("no result in {dom}"));
    let result: serde_json::Value =
        serde_json::from_str(&result).unwrap_or_else(|_| panic!("{result}"));
    assert_eq!(
        result["overflow"], 0,
        "the issue page scrolls sideways at 390 px: {result}"
    );
    if cfg!(twir_shared) {
        // Issue 527 carries a perf table: it scrolls, its cells keep their words whole.
        assert!(result["tables"].as_u64() > Some(0), "{result}");
        assert_eq!(
            result["cell_wrap"],
            serde_json::json!(["normal"]),
            "{result}"
        );
    }
    let results = result["results"].as_array().unwrap();
    // Each result shows its issue's date, and the list fits the phone's width.
    assert_eq!(
        result["dates"].as_array().map(Vec::len),
        Some(results.len()),
        "{result}"
    );
    assert!(
        result["results_right"].as_f64() <= result["search_width"].as_f64(),
        "{result}"
    );
    assert_eq!(
        result["nonsense"],
        serde_json::json!(["No results"]),
        "{result}"
    );
    assert!(
        !results.is_empty(),
        "search for {query:?} found nothing: {result}; served {:?}",
        seen.served.lock().unwrap()
    );
    assert!(
        results[0].as_str().unwrap().starts_with("/blog/"),
        "{result}"
    );
    assert!(
        result["sections"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == section),
        "the matched section {section:?} is shown: {result}"
    );
    // What a first query costs a reader: everything fetched from /search/.
    let search_bytes: usize = seen
        .served
        .lock()
        .unwrap()
        .iter()
        .take_while(|(p, _)| p != "/__first-done")
        .filter(|(p, _)| p.starts_with("/search/"))
        .map(|(_, n)| n)
        .sum();
    eprintln!(
        "first query transferred {} kB of search files",
        search_bytes / 1024
    );
    assert!(
        search_bytes > 0 && search_bytes < 250 * 1024,
        "{search_bytes} bytes"
    );

    let shots = repo().join("target/browser");
    std::fs::create_dir_all(&shots).unwrap();
    for (name, extra, page) in [
        ("issue-phone.png", None, issue),
        ("issue-phone-dark.png", Some("--force-dark-mode"), issue),
        ("index-phone.png", None, "/"),
    ] {
        let shot = shots.join(name);
        let _ = std::fs::remove_file(&shot);
        let mut args = vec![
            "--window-size=390,844".to_string(),
            format!("--screenshot={}", shot.display()),
        ];
        args.extend(extra.map(String::from));
        args.push(format!("http://{addr}{page}"));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        chromium(&args, &scratch_dir.join("profile"));
        assert!(shot.is_file(), "{} was not written", shot.display());
    }
    // The three frames at phone width once both searches answered: the harness holds its
    // load event until it reports again, so the screenshot shows the results.
    *seen.report.lock().unwrap() = None;
    let shot = shots.join("search-phone.png");
    let _ = std::fs::remove_file(&shot);
    chromium(
        &[
            "--window-size=1220,900",
            &format!("--screenshot={}", shot.display()),
            &format!("http://{addr}/__harness.html"),
        ],
        &scratch_dir.join("profile"),
    );
    assert!(shot.is_file(), "{} was not written", shot.display());

    // A highlighted Rust block: keywords stand out from plain code, and both palettes
    // change with the reader's color scheme.
    let mut seen_colors = Vec::new();
    for (mode, extra) in [("light", None), ("dark", Some("--force-dark-mode"))] {
        *seen.report.lock().unwrap() = None;
        let shot = shots.join(format!("code-{mode}.png"));
        let mut args = vec![
            "--window-size=420,900".to_string(),
            format!("--screenshot={}", shot.display()),
        ];
        args.extend(extra.map(String::from));
        args.push(format!("http://{addr}/__colors.html"));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        chromium(&args, &scratch_dir.join("profile"));
        let report = seen
            .report
            .lock()
            .unwrap()
            .clone()
            .expect("colors reported");
        let colors: serde_json::Value = serde_json::from_str(&report).unwrap();
        assert!(colors["spans"].as_u64() > Some(5), "{mode}: {colors}");
        assert_ne!(colors["keyword"], colors["text"], "{mode}: {colors}");
        seen_colors.push(colors);
    }
    assert_ne!(
        seen_colors[0]["keyword"], seen_colors[1]["keyword"],
        "{seen_colors:?}"
    );
    assert_ne!(
        seen_colors[0]["background"], seen_colors[1]["background"],
        "{seen_colors:?}"
    );
}
