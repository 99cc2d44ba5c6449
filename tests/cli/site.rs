//! `twir build` and `twir email` end to end: the example newsletter as snapshots, and the
//! whole sample archive at Pelican's URLs with every internal link resolving.

use crate::support::*;
use std::path::{Path, PathBuf};

/// The `<main>` element of a page.
fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a <main>");
    let end = html.find("</main>").expect("a </main>") + "</main>".len();
    &html[start..end]
}

/// Every HTML file under `dir`.
fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(html_files(&p));
        } else if p.extension().is_some_and(|x| x == "html") {
            out.push(p);
        }
    }
    out
}

/// Links and sources starting with `/` in every HTML file that point to nothing.
fn broken_internal_links(site: &Path) -> Vec<String> {
    let mut broken = Vec::new();
    for file in html_files(site) {
        let html = read(&file);
        for attr in ["href=\"/", "src=\"/"] {
            for (at, _) in html.match_indices(attr) {
                let rest = &html[at + attr.len() - 1..];
                let url = &rest[..rest.find('"').unwrap()];
                let path = url.split(['#', '?']).next().unwrap();
                let target = site.join(path.trim_start_matches('/'));
                let ok = if path.ends_with('/') {
                    target.join("index.html").is_file()
                } else {
                    target.is_file()
                };
                if !ok {
                    broken.push(format!(
                        "{} -> {url}",
                        file.strip_prefix(site).unwrap().display()
                    ));
                }
            }
        }
    }
    broken
}

/// Checks that `path` is well-formed XML and counts its `tag` elements.
fn xml_elements(path: &Path, tag: &[u8]) -> usize {
    let text = read(path);
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut count = 0;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e)) if e.name().as_ref() == tag => count += 1,
            Ok(quick_xml::events::Event::Eof) => return count,
            Ok(_) => {}
            Err(e) => panic!("{}: not well-formed XML: {e}", path.display()),
        }
    }
}

/// The counts a build reports: (written, removed).
fn written_removed(out: &std::process::Output) -> (usize, usize) {
    let text = stdout(out);
    let at = text.find(" written, ").unwrap_or_else(|| panic!("{text}"));
    let written = text[..at].rsplit('(').next().unwrap().parse().unwrap();
    let rest = &text[at + " written, ".len()..];
    let removed = rest.split(' ').next().unwrap().parse().unwrap();
    (written, removed)
}

#[test]
fn a_rebuild_writes_only_what_changed() {
    let root = scratch("site-incremental");
    copy_dir(&repo().join("examples/newsletter"), &root);
    let first = twir(&["build"], &root);
    succeeds(&first);
    let (all, _) = written_removed(&first);
    assert!(all > 20, "{}", stdout(&first));
    assert!(root.join(".twir-cache/build/articles.json").is_file());
    assert_eq!(written_removed(&twir(&["build"], &root)), (0, 0));

    let issue = root.join("content/2024-01-10-this-week-in-ferris.md");
    let page = root.join("output/blog/2024/01/10/this-week-in-ferris-2/index.html");
    std::fs::write(
        &issue,
        read(&issue).replace("Hello and welcome", "Hi and welcome"),
    )
    .unwrap();
    let again = twir(&["build"], &root);
    succeeds(&again);
    let (written, removed) = written_removed(&again);
    // The page, the lists and feeds that show its first words, and the search index.
    assert!(written > 0 && written < all / 2, "{}", stdout(&again));
    assert_eq!(removed, 0);
    assert!(read(&page).contains("Hi and welcome"));

    std::fs::remove_file(&issue).unwrap();
    let gone = twir(&["build"], &root);
    succeeds(&gone);
    assert!(written_removed(&gone).1 > 0, "{}", stdout(&gone));
    assert!(!page.exists(), "a removed issue's page goes");
    assert!(!page.parent().unwrap().exists(), "and so does its folder");
}

#[test]
fn builds_the_example_newsletter() {
    let root = scratch("site-example");
    copy_dir(&repo().join("examples/newsletter"), &root);
    let out = twir(&["build"], &root);
    succeeds(&out);
    assert!(
        stdout(&out).starts_with("built 2 issues, 1 pages"),
        "{}",
        stdout(&out)
    );
    let site = root.join("output");
    for page in [
        "index.html",
        "blog/2024/01/03/this-week-in-ferris-1/index.html",
        "blog/2024/01/10/this-week-in-ferris-2/index.html",
        "blog/archives/index.html",
        "categories/this-week-in-ferris/index.html",
        "categories/this-week-in-ferris/atom.xml",
        "categories/this-week-in-ferris/rss.xml",
        "pages/about.html",
        "images/ferris.svg",
        "atom.xml",
        "rss.xml",
        "sitemap.xml",
        "404.html",
        "theme/style.css",
        "search/index.json",
        "search/w/0.json",
        "search/t/0-0.json",
    ] {
        assert!(site.join(page).is_file(), "{page} missing");
    }
    let issue = read(&site.join("blog/2024/01/10/this-week-in-ferris-2/index.html"));
    assert!(issue.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(issue.contains(
        "<link rel=\"canonical\" href=\"https://ferris.example.org/blog/2024/01/10/this-week-in-ferris-2/\">"
    ));
    assert!(issue.contains("<meta property=\"og:title\" content=\"This Week in Ferris 2\">"));
    snapshot("site-issue-main.html", main_of(&issue));
    // Each issue on the index and archives says what is in it.
    let gist = "<p class=\"gist\">Crate of the Week: claw · Pincer 1.0 released · 螃蟹的一周 · Tide tables as a data structure</p>";
    assert!(read(&site.join("index.html")).contains(gist));
    assert!(read(&site.join("blog/archives/index.html")).contains(gist));
    snapshot("site-atom.xml", &read(&site.join("atom.xml")));
    assert_eq!(xml_elements(&site.join("atom.xml"), b"entry"), 2);
    assert_eq!(xml_elements(&site.join("rss.xml"), b"item"), 2);
    xml_elements(&site.join("sitemap.xml"), b"url");
    assert!(
        broken_internal_links(&site).is_empty(),
        "{:?}",
        broken_internal_links(&site)
    );
}

#[test]
fn email_edition_of_the_latest_issue() {
    let root = scratch("site-email");
    copy_dir(&repo().join("examples/newsletter"), &root);
    let out = twir(&["email"], &root);
    succeeds(&out);
    assert_eq!(stdout(&out), "wrote email/2.html\nwrote email/2.txt\n");
    let html = read(&root.join("email/2.html"));
    assert!(
        !html.contains("<style") && !html.contains("<script"),
        "styles inlined, no scripts"
    );
    assert!(html.contains("style=\""), "inline styles");
    assert!(!html.contains("href=\"/"), "links are absolute");
    snapshot("email-2.html", &html);
    let text = read(&root.join("email/2.txt"));
    snapshot("email-2.txt", &text);
    assert!(text.contains("\nLinks:\n[1] https://example.org/"));
    let by_number = twir(&["email", "1"], &root);
    assert_eq!(by_number.status.code(), Some(0));
    assert!(root.join("email/1.html").is_file());
    let missing = twir(&["email", "99"], &root);
    assert_eq!(missing.status.code(), Some(2));
    // A draft, given by its file, gets a preview marked as one, under its own name.
    let preview = twir(&["email", "draft/2024-01-17-this-week-in-ferris.md"], &root);
    succeeds(&preview);
    assert_eq!(
        stdout(&preview),
        "wrote email/3-preview.html\nwrote email/3-preview.txt\n"
    );
    assert!(read(&root.join("email/3-preview.html")).contains("PREVIEW: this issue is a draft"));
    assert!(read(&root.join("email/3-preview.txt")).starts_with("PREVIEW: this issue is a draft"));
    assert!(!root.join("email/3.html").exists());
}

#[test]
fn unsafe_html_is_removed_with_a_warning() {
    let root = empty_root("site-unsafe");
    std::fs::write(
        root.join("content/2024-01-03-this-week-in-rust.md"),
        "Title: This Week in Rust 528\nNumber: 528\nDate: 2024-01-03\nCategory: This Week in Rust\n\n\
Hello <img src=\"x.png\" onerror=\"alert(1)\">\n\n<script>alert(2)</script>\n\n[x](javascript:alert(3))\n",
    )
    .unwrap();
    let out = twir(&["build", "--no-search"], &root);
    succeeds(&out);
    let err = stderr(&out);
    for line in [
        ":6: an `onerror` event handler removed",
        ":8: a `<script>` tag removed",
        ":10: a `javascript:` link removed",
    ] {
        assert!(err.contains(line), "{line} in {err}");
    }
    let page = read(&root.join("output/blog/2024/01/03/this-week-in-rust-528/index.html"));
    let feed = read(&root.join("output/atom.xml"));
    for text in [&page, &feed] {
        assert!(!text.contains("alert("), "{text}");
    }
}

/// Pelican's slug of an issue title, written out independently of twir's.
fn expected_slug(title: &str) -> String {
    let kept: String = title
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ' || *c == '-')
        .collect();
    kept.split([' ', '-'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg_attr(not(twir_shared), ignore = "needs ../shared beside the checkout")]
#[test]
fn builds_the_whole_sample_archive_at_pelicans_urls() {
    let shared = shared();
    let root = scratch("site-sample");
    let out_dir = root.join("site");
    let sample = shared.join("twir-sample");
    build_site(&sample, &out_dir, &root);
    let mut issues = 0;
    for e in std::fs::read_dir(sample.join("content")).unwrap().flatten() {
        let path = e.path();
        let Some(ext) = path.extension().and_then(|x| x.to_str()) else {
            continue;
        };
        if !matches!(ext, "md" | "markdown" | "rst") {
            continue;
        }
        let text = read(&path);
        let field = |key: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(key))
                .map(|v| v.trim().to_string())
        };
        let (title, date, slug) = if ext == "rst" {
            (
                text.lines().next().unwrap().to_string(),
                field(":date:").unwrap(),
                field(":slug:"),
            )
        } else {
            (
                field("Title:").unwrap(),
                field("Date:").unwrap(),
                field("Slug:"),
            )
        };
        let slug = slug.unwrap_or_else(|| expected_slug(&title));
        let mut ymd = date.split([' ', 'T']).next().unwrap().split('-');
        let (y, m, d) = (
            ymd.next().unwrap(),
            ymd.next().unwrap(),
            ymd.next().unwrap(),
        );
        let url = format!("blog/{y}/{m:0>2}/{d:0>2}/{slug}/index.html");
        assert!(
            out_dir.join(&url).is_file(),
            "{}: no page at /{url}",
            path.display()
        );
        issues += 1;
    }
    assert!(issues >= 500, "{issues} issues");
    assert!(
        out_dir
            .join("blog/2014/07/15/state-of-rust-0.11.0/index.html")
            .is_file()
    );
    let broken = broken_internal_links(&out_dir);
    assert!(
        broken.is_empty(),
        "{} broken internal links, e.g. {:?}",
        broken.len(),
        &broken[..broken.len().min(5)]
    );
    assert_eq!(xml_elements(&out_dir.join("atom.xml"), b"entry"), 4);
    assert_eq!(xml_elements(&out_dir.join("rss.xml"), b"item"), 4);
    assert_eq!(
        xml_elements(
            &out_dir.join("categories/this-week-in-rust/atom.xml"),
            b"entry"
        ),
        4
    );
    assert!(out_dir.join("index53.html").is_file(), "paginated by 10");
    // Every file Pelican wrote for the sample is there (its theme's assets aside).
    let old_urls = read(&sample.join("pelican-urls.txt"));
    let missing: Vec<&str> = old_urls
        .lines()
        .map(str::trim)
        .filter(|u| !u.is_empty() && !u.starts_with("theme/"))
        .filter(|u| !out_dir.join(u).is_file())
        .collect();
    assert!(
        missing.is_empty(),
        "{} of Pelican's URLs missing, e.g. {:?}",
        missing.len(),
        &missing[..missing.len().min(8)]
    );
    // The old feeds stay valid feeds with the main feed's entries.
    for feed in ["feeds/all-en.atom.xml", "feeds/twir-contributors.atom.xml"] {
        assert_eq!(xml_elements(&out_dir.join(feed), b"entry"), 4, "{feed}");
    }
    assert_eq!(
        xml_elements(&out_dir.join("feeds/twir-contributors.rss.xml"), b"item"),
        4
    );
    let page7 = read(&out_dir.join("categories/this-week-in-rust/index7.html"));
    assert!(
        page7.contains("href=\"/categories/this-week-in-rust/index6.html\"")
            && page7.contains("href=\"/categories/this-week-in-rust/index8.html\""),
        "category pages link their neighbors"
    );
    assert!(
        read(&out_dir.join("tags.html"))
            .contains("<a href=\"/tag/programming.html\">programming</a> (4)")
    );
    let old = read(&out_dir.join("blog/2014/01/12/the-state-of-rust-09/index.html"));
    assert!(
        !main_of(&old).contains("<script"),
        "contributors' scripts never reach a page"
    );
}

/// GETs `path` from a server on 127.0.0.1; returns the status and body.
fn get(addr: &str, path: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = String::new();
    s.read_to_string(&mut raw).unwrap();
    let status = raw[9..12].parse().unwrap();
    let body = raw
        .split_once("\r\n\r\n")
        .map_or(String::new(), |(_, b)| b.to_string());
    (status, body)
}

#[test]
fn serve_rebuilds_one_draft_and_reloads() {
    use std::io::BufRead;
    let root = scratch("site-serve");
    copy_dir(&repo().join("examples/newsletter"), &root);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_twir"))
        .args(["serve", "--drafts", "--port", "0"])
        .current_dir(&root)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Lines of the server's output, with a time limit so a hung server fails the test.
    let (tx, rx) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            let _ = tx.send(line);
        }
    });
    let next = || {
        rx.recv_timeout(std::time::Duration::from_secs(30))
            .expect("twir serve answers")
    };
    let first = next();
    let addr = first
        .strip_prefix("serving http://")
        .and_then(|r| r.split_once('/'))
        .map(|(a, _)| a.to_string())
        .unwrap_or_else(|| panic!("{first}"));
    let (status, page) = get(&addr, "/drafts/this-week-in-ferris-3/");
    assert_eq!(status, 200);
    assert!(page.contains("DRAFT — not published"));
    assert!(
        page.contains("[tracking-param]</li>"),
        "check findings on the page"
    );
    assert!(page.contains("/__twir/version"), "the page reloads itself");
    // The drafts are listed with their finding counts, and the home page links there.
    let (status, list) = get(&addr, "/drafts/");
    assert_eq!(status, 200);
    assert!(
        list.contains("<a href=\"/drafts/this-week-in-ferris-3/\">This Week in Ferris 3</a>")
            && list.contains(" findings</li>"),
        "{list}"
    );
    assert!(
        get(&addr, "/")
            .1
            .contains("<a href=\"/drafts/\">Drafts (1)</a>")
    );
    assert_eq!(get(&addr, "/blog/2024/01/10/this-week-in-ferris-2/").0, 200);
    assert_eq!(get(&addr, "/images/ferris.svg").0, 200);
    assert_eq!(get(&addr, "/no/such/page/").0, 404);
    // The search index follows, built beside the server.
    assert_eq!(next(), "search index ready (2 issue pages)");
    let (status, entry) = get(&addr, "/search/index.json");
    assert_eq!(status, 200);
    let entry: serde_json::Value = serde_json::from_str(&entry).unwrap();
    assert_eq!(entry["pages"].as_array().unwrap().len(), 2, "{entry}");
    let (_, before) = get(&addr, "/__twir/version");

    let draft = root.join("draft/2024-01-17-this-week-in-ferris.md");
    let text = read(&draft).replace("Hello and welcome", "Hi and welcome");
    std::fs::write(&draft, text).unwrap();
    let log = next();
    assert_eq!(
        log, "rebuilt 1 issue page(s) and the lists for draft/2024-01-17-this-week-in-ferris.md",
        "one draft changed: one page rebuilt"
    );
    let (_, after) = get(&addr, "/__twir/version");
    assert_ne!(before, after, "open pages see a new version and reload");
    assert!(
        get(&addr, "/drafts/this-week-in-ferris-3/")
            .1
            .contains("Hi and welcome")
    );
    let _ = child.kill();
    let _ = child.wait();
}
