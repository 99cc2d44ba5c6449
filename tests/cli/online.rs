//! `twir check --online` against web servers on 127.0.0.1 that answer each case a link
//! can meet: titles that match or not (UTF-8, Latin-1, entities), permanent and temporary
//! redirects, 404/410, 429 with `Retry-After`, a 500 then a 200, a timeout, a redirect
//! loop, a deep link sent home, a 10 MB page, a refused connection.

use crate::support::*;
use std::io::{BufRead, BufReader, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// An answer of the test web server.
struct Page {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
    /// Waited before answering.
    delay: Duration,
}

impl Page {
    fn html(title: &str) -> Page {
        Page {
            status: 200,
            headers: vec![("Content-Type", "text/html; charset=utf-8".into())],
            body: format!(
                "<!DOCTYPE html><html><head><title>{title}</title></head><body>x</body></html>"
            )
            .into_bytes(),
            delay: Duration::ZERO,
        }
    }

    fn status(status: u16) -> Page {
        Page {
            status,
            headers: vec![],
            body: b"no".to_vec(),
            delay: Duration::ZERO,
        }
    }

    fn redirect(status: u16, to: &str) -> Page {
        Page {
            headers: vec![("Location", to.to_string())],
            ..Page::status(status)
        }
    }
}

/// What the server saw: (method, path) of every request, and the bytes it wrote for `/big`.
#[derive(Default)]
struct Log {
    requests: Mutex<Vec<(String, String)>>,
    big_written: AtomicUsize,
}

/// Starts a server answering `handler(path, earlier requests for the path)`.
fn serve(handler: impl Fn(&str, usize) -> Page + Send + Sync + 'static) -> (String, Arc<Log>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let log = Arc::new(Log::default());
    let handler = Arc::new(handler);
    let shared = Arc::clone(&log);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (handler, log) = (Arc::clone(&handler), Arc::clone(&shared));
            std::thread::spawn(move || answer(stream, &*handler, &log));
        }
    });
    (base, log)
}

fn answer(mut stream: std::net::TcpStream, handler: &dyn Fn(&str, usize) -> Page, log: &Log) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let mut parts = first.split_whitespace();
    let method = parts.next().unwrap_or("GET").to_string();
    let path = parts.next().unwrap_or("/").to_string();
    let earlier = {
        let mut seen = log.requests.lock().unwrap();
        let n = seen.iter().filter(|(_, p)| *p == path).count();
        seen.push((method.clone(), path.clone()));
        n
    };
    let page = handler(&path, earlier);
    std::thread::sleep(page.delay);
    let mut head = format!(
        "HTTP/1.1 {} X\r\nContent-Length: {}\r\nConnection: close\r\n",
        page.status,
        page.body.len()
    );
    for (k, v) in &page.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    if stream.write_all(head.as_bytes()).is_err() || method == "HEAD" {
        return;
    }
    // Written in pieces, counting what the client took before it hung up.
    for piece in page.body.chunks(64 * 1024) {
        if stream.write_all(piece).is_err() {
            break;
        }
        if path == "/big" {
            log.big_written.fetch_add(piece.len(), Ordering::SeqCst);
        }
    }
}

const BIG: usize = 10 * 1024 * 1024;

fn site(path: &str, earlier: usize) -> Page {
    match path {
        "/" => Page::html("Home"),
        "/ok-title" => Page::html("Matching Title | Some Blog"),
        "/other-title" => Page::html("The Real Title"),
        "/moved" => Page::redirect(301, "/moved2"),
        "/moved2" => Page::redirect(308, "/final?utm_source=twir"),
        "/final" | "/final?utm_source=twir" => Page::html("Moved Post"),
        "/temp" => Page::redirect(302, "/ok-title"),
        "/gone404" => Page::status(404),
        "/gone410" => Page::status(410),
        "/busy" if earlier == 0 => Page {
            headers: vec![("Retry-After", "1".into())],
            ..Page::status(429)
        },
        "/busy" => Page::html("Busy Page"),
        "/flaky" if earlier == 0 => Page::status(500),
        "/flaky" => Page::html("Flaky Page"),
        "/slow" => Page {
            delay: Duration::from_secs(3),
            ..Page::html("Slow")
        },
        "/loop-a" => Page::redirect(302, "/loop-b"),
        "/loop-b" => Page::redirect(302, "/loop-a"),
        "/2019/deep/article" => Page::redirect(301, "/"),
        "/big" => {
            let mut body = b"<html><head><title>Big Page</title></head><body>".to_vec();
            body.resize(BIG, b'x');
            Page {
                body,
                ..Page::html("")
            }
        }
        "/latin1" => Page {
            headers: vec![("Content-Type", "text/html; charset=ISO-8859-1".into())],
            body: b"<html><head><title>Caf\xe9 cr\xe8me</title></head></html>".to_vec(),
            ..Page::html("")
        },
        "/plain" => Page::html("Plain"),
        "/entities" => Page::html("Rust &amp; C&#39;s &ldquo;FFI&rdquo; &#x2014; a guide"),
        _ => Page::status(404),
    }
}

/// A newsletter root with one draft whose community section links to `base`.
fn root_with_draft(
    name: &str,
    base: &str,
    refused: &str,
) -> (std::path::PathBuf, std::path::PathBuf) {
    let root = empty_root(name);
    std::fs::write(
        root.join("twir.toml"),
        "[check.online]\ntimeout = 1\nwait_budget = 10\nskip = [\"skipped.invalid\"]\n",
    )
    .unwrap();
    let draft = root.join("draft/2024-01-17-this-week-in-rust.md");
    let text = format!(
        "Title: This Week in Rust 1\nNumber: 1\nDate: 2024-01-17\nCategory: This Week in Rust\n\n\
## Updates from Rust Community\n\n\
* [Matching Title]({base}/ok-title)\n\
* [Wrong words]({base}/other-title)\n\
* [Moved Post]({base}/moved#part)\n\
* [Matching Title]({base}/temp)\n\
* [Gone]({base}/gone404)\n\
* [Gone too]({base}/gone410)\n\
* [Busy Page]({base}/busy)\n\
* [Flaky Page]({base}/flaky)\n\
* [Slow]({base}/slow)\n\
* [Loop]({base}/loop-a)\n\
* [Deep]({base}/2019/deep/article)\n\
* [Big Page]({base}/big)\n\
* [Café crème]({base}/latin1)\n\
* [Rust & C's “FFI” — a guide]({base}/entities)\n\
* [Nobody home]({refused}/x)\n\
* [Skipped](http://skipped.invalid/page)\n\n\
## Jobs\n\n\
* [Anything at all]({base}/plain)\n"
    );
    std::fs::write(&draft, text).unwrap();
    (root, draft)
}

const ONLINE: [&str; 4] = [
    "link-broken",
    "link-redirect",
    "link-title",
    "link-unverifiable",
];

/// The online findings of a JSON run: (line, level, code).
fn online_findings(out: &std::process::Output) -> Vec<(u64, String, String)> {
    stdout(out)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| ONLINE.contains(&v["code"].as_str().unwrap_or("")))
        .map(|v| {
            (
                v["line"].as_u64().unwrap(),
                v["level"].as_str().unwrap().to_string(),
                v["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// A port nothing listens on.
fn refused_base() -> String {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", l.local_addr().unwrap());
    drop(l);
    base
}

#[test]
fn every_answer_a_link_can_get() {
    let (base, log) = serve(site);
    let (root, draft) = root_with_draft("online", &base, &refused_base());
    let before = read(&draft);

    let offline = twir(&["check", "--format", "json"], &root);
    assert!(online_findings(&offline).is_empty());
    assert!(
        log.requests.lock().unwrap().is_empty(),
        "offline by default"
    );

    let out = twir(&["check", "--online", "--format", "json"], &root);
    let found = online_findings(&out);
    let want: Vec<(u64, &str, &str)> = vec![
        (9, "warning", "link-title"),
        (10, "warning", "link-redirect"),
        (12, "error", "link-broken"),
        (13, "error", "link-broken"),
        (16, "note", "link-unverifiable"),
        (17, "error", "link-broken"),
        (18, "error", "link-broken"),
        (22, "error", "link-broken"),
    ];
    let found_ref: Vec<(u64, &str, &str)> = found
        .iter()
        .map(|(l, lv, c)| (*l, lv.as_str(), c.as_str()))
        .collect();
    assert_eq!(found_ref, want, "{}\n{}", stdout(&out), stderr(&out));
    assert_eq!(out.status.code(), Some(1), "broken links are errors");
    let text = stdout(&out);
    assert!(
        text.contains("the page's title is “The Real Title”"),
        "{text}"
    );
    assert!(text.contains("redirects to the home page"), "{text}");
    assert!(text.contains("loop"), "{text}");
    assert!(text.contains("refused"), "{text}");
    assert_eq!(read(&draft), before, "never changed without --fix");

    let seen = log.requests.lock().unwrap().clone();
    let count = |p: &str| seen.iter().filter(|(_, q)| q == p).count();
    assert_eq!(count("/busy"), 2, "429 waited out, then asked again");
    assert_eq!(count("/flaky"), 2, "500 retried");
    assert!(!seen.iter().any(|(_, p)| p.contains("skipped")));
    // Outside the community sections only the status matters: HEAD is enough.
    let plain: Vec<&str> = seen
        .iter()
        .filter(|(_, p)| p == "/plain")
        .map(|(m, _)| m.as_str())
        .collect();
    assert_eq!(plain, ["HEAD"]);
    assert!(
        log.big_written.load(Ordering::SeqCst) < BIG,
        "only the head of a 10 MB page is read"
    );

    // --fix writes the redirect's end (its fragment kept, tracking parameters dropped)
    // and nothing else; a second --fix has nothing to do.
    let fixed = twir(&["check", "--online", "--fix"], &root);
    assert!(stdout(&fixed).contains("fixed"), "{}", stdout(&fixed));
    let after = read(&draft);
    assert_eq!(
        after,
        before.replace(&format!("{base}/moved#part"), &format!("{base}/final#part"))
    );
    let again = twir(&["check", "--online", "--fix"], &root);
    assert!(!stdout(&again).contains("fixed"), "{}", stdout(&again));
    assert_eq!(read(&draft), after);
}

#[test]
fn a_second_run_is_answered_from_the_cache() {
    let (base, log) = serve(site);
    let root = empty_root("online-cache");
    let links: String = ["ok-title", "temp", "latin1", "gone404"]
        .iter()
        .map(|p| format!("* [Matching Title]({base}/{p})\n"))
        .collect();
    std::fs::write(
        root.join("draft/2024-01-17-this-week-in-rust.md"),
        format!("Title: This Week in Rust 1\nNumber: 1\nDate: 2024-01-17\n\n## Updates from Rust Community\n\n{links}"),
    )
    .unwrap();
    let first = twir(&["check", "--online"], &root);
    assert!(
        stderr(&first).contains("checked 4 links (0 from the cache"),
        "{}",
        stderr(&first)
    );
    let asked = log.requests.lock().unwrap().len();
    let second = twir(&["check", "--online"], &root);
    // The three that worked come from the cache; the 404 is asked again.
    assert!(
        stderr(&second).contains("checked 4 links (3 from the cache"),
        "{}",
        stderr(&second)
    );
    let seen = log.requests.lock().unwrap().clone();
    assert_eq!(seen.len(), asked + 1, "{seen:?}");
    assert_eq!(seen.last().unwrap().1, "/gone404");
    assert_eq!(stdout(&first), stdout(&second), "the same findings");
}

#[test]
fn github_links_are_asked_of_the_api_with_a_token() {
    let api = crate::standin::StandIn::start(|seen, _| match seen.path.as_str() {
        "/repos/rust-lang/rust/issues/1" => crate::standin::Reply::json(
            serde_json::json!({"number": 1, "title": "The real issue title"}),
        ),
        _ => crate::standin::Reply::status(404, r#"{"message":"Not Found"}"#),
    });
    let root = empty_root("online-github");
    std::fs::write(
        root.join("draft/2024-01-17-this-week-in-rust.md"),
        "Title: This Week in Rust 1\nNumber: 1\nDate: 2024-01-17\n\n## Updates from Rust Community\n\n\
* [Another title](https://github.com/rust-lang/rust/issues/1)\n\
* [Missing](https://github.com/rust-lang/rust/pull/999999)\n",
    )
    .unwrap();
    let out = twir_env(
        &["check", "--online", "--format", "json"],
        &root,
        &[
            ("TWIR_GITHUB_API", &api.base),
            ("GITHUB_TOKEN", &"ghp_secret_test_token"),
        ],
    );
    let found = online_findings(&out);
    assert_eq!(
        found,
        [
            (7, "warning".to_string(), "link-title".to_string()),
            (8, "error".to_string(), "link-broken".to_string())
        ],
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("The real issue title"));
    let all = format!("{}{}", stdout(&out), stderr(&out));
    assert!(
        !all.contains("ghp_secret_test_token"),
        "the token is never shown"
    );
    let seen = api.seen();
    assert!(seen.iter().all(|(s, _)| {
        s.headers
            .get("authorization")
            .is_some_and(|a| a.contains("ghp_secret"))
    }));
    assert_eq!(seen.len(), 2);
}

#[test]
fn explain_names_the_four_codes() {
    for code in ONLINE {
        let out = twir(&["check", "--explain", code], &scratch("online-explain"));
        succeeds(&out);
        assert!(stdout(&out).starts_with(code), "{}", stdout(&out));
    }
}
