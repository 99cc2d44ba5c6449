//! `twir events` end to end: calendars served over HTTP on 127.0.0.1, files, the Meetup
//! JSON shape, splicing into a draft, failures, and the round trip over the archive.

use crate::support::*;
use twir::events::pipeline::{self, Window};
use twir::events::{WINDOW_DAYS, record, splice};
use twir::issue::Issue;

/// Every published events list that follows the rules (no event finding from `twir
/// check`), parsed and rendered again, comes out byte-identical; every list, rendered
/// twice, is stable. Prints the counts, also for 2023 alone. Needs `../shared`.
#[cfg_attr(not(twir_shared), ignore = "needs ../shared beside the checkout")]
#[test]
fn events_lists_round_trip() {
    let shared = shared();
    let content = shared.join("twir-sample/content");
    let mut files: Vec<_> = std::fs::read_dir(&content)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    let config = twir::config::Config::default();
    let history = twir::archive::History::default();
    let (mut lists, mut following, mut identical, mut differ) = (0, 0, 0, Vec::new());
    let (mut lists_2023, mut identical_2023) = (0, 0);
    for path in &files {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let issue = Issue::parse(path.display().to_string(), &bytes);
        let Ok((span, _)) = splice::list_span(&issue) else {
            continue;
        };
        let (Some(date), Some(w)) = (
            issue.date(),
            issue.events.as_ref().and_then(|e| e.window.as_ref()),
        ) else {
            continue;
        };
        let window = Window {
            start: w.start.unwrap_or(date),
            end: w
                .end
                .unwrap_or_else(|| Window::from_issue_date(date, WINDOW_DAYS).end),
        };
        let render = |issue: &Issue| {
            let (records, _) = record::from_issue(issue, &issue.name);
            let rules = twir::config::Events::default();
            record::render_list(
                &pipeline::assemble(records, window, &rules).groups,
                &rules.hybrid,
            )
        };
        let rendered = render(&issue);
        let again = splice::splice(&issue, &rendered, issue.slice(w.dates_span)).unwrap();
        assert_eq!(
            render(&Issue::from_text("again.md", &again)),
            rendered,
            "{}: rendering is not stable",
            path.display()
        );
        lists += 1;
        let in_2023 = path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("2023-");
        lists_2023 += usize::from(in_2023);
        let original = issue.text[span.start..span.end].trim_matches('\n');
        if rendered == original {
            identical += 1;
            identical_2023 += usize::from(in_2023);
        }
        let findings = twir::lint::check(
            &issue,
            path,
            &config,
            &history,
            twir::lint::RunOptions::default(),
        )
        .into_iter()
        .filter(|d| d.code.starts_with("event") || d.code == "duplicate-event")
        .count();
        if findings == 0 {
            following += 1;
            if rendered != original {
                differ.push(path.file_name().unwrap().to_string_lossy().to_string());
            }
        }
    }
    eprintln!(
        "events round trip: {identical} of {lists} lists byte-identical ({identical_2023} of \
         {lists_2023} in 2023); {following} lists follow the rules, of which {} differ: {differ:?}",
        differ.len()
    );
    assert!(lists >= 100, "the archive's events lists were read");
    assert!(following >= 10);
    assert!(
        differ.is_empty(),
        "lists that follow the rules must round-trip"
    );
}

/// A draft mid-week: a hand-added event, one that the calendar also has, one already past.
const DRAFT: &str = "Title: This Week in Rust 529\nNumber: 529\nDate: 2024-01-10\n\
Category: This Week in Rust\n\nHello!\n\n## Upcoming Events\n\n\
Rusty Events between 2024-01-10 - 2024-02-07 🦀\n\n### Europe\n\n\
* 2024-01-04 | Paris, FR | [Rust Paris](https://www.meetup.com/rust-paris/)\n\
\x20   * [**Already past**](https://www.meetup.com/rust-paris/events/1/)\n\
* 2024-01-20 | Rome, IT | [Rust Roma](https://www.meetup.com/rust-roma/)\n\
\x20   * [**Added by hand**](https://www.meetup.com/rust-roma/events/2/)\n\n\
If you are running a Rust event please add it to the [calendar].\n\n## Jobs\n\nNone.\n";

/// A group's calendar: a weekly meetup with one week cancelled, a cancelled special,
/// and a conference in Los Angeles given in UTC.
const CALENDAR: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Rust Berlin\r\n\
X-WR-TIMEZONE:Europe/Berlin\r\nBEGIN:VEVENT\r\nUID:hack@berlin\r\n\
DTSTART;TZID=Europe/Berlin:20231205T190000\r\nRRULE:FREQ=WEEKLY;BYDAY=TU\r\n\
EXDATE;TZID=Europe/Berlin:20240123T190000\r\nSUMMARY:Hack and Learn\r\n\
LOCATION:c-base\\, Rungestraße 20\\, 10179 Berlin\\, Germany\r\nURL:https://berline.rs/hack\r\n\
END:VEVENT\r\nBEGIN:VEVENT\r\nUID:special@berlin\r\nSTATUS:CANCELLED\r\n\
DTSTART;TZID=Europe/Berlin:20240115T190000\r\nSUMMARY:Special\r\nLOCATION:Berlin\\, DE\r\n\
END:VEVENT\r\nEND:VCALENDAR\r\n";

const REMOTE: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Rust LA\r\n\
X-WR-TIMEZONE:America/Los_Angeles\r\nBEGIN:VEVENT\r\nUID:la@1\r\nDTSTART:20240118T073000Z\r\n\
SUMMARY:Late night Rust\r\nLOCATION:Los Angeles\\, CA\\, US\r\n\
DESCRIPTION:RSVP at https://www.meetup.com/rust-la/events/3/ please\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:roma@1\r\nDTSTART;VALUE=DATE:20240120\r\nSUMMARY:Added by hand\r\n\
LOCATION:Rome\\, IT\r\nURL:https://www.meetup.com/rust-roma/events/2\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

/// The Meetup export lists the LA meetup again under another URL; the calendar's record,
/// as rich and read first, is kept.
const MEETUP: &str = r#"[{"name": "Late night Rust", "location": "Los Angeles, CA, US",
 "date": "2024-01-17", "url": "https://lu.ma/late-night-rust", "virtual": false,
 "organizer_name": "Rust LA", "organizer_url": "https://www.meetup.com/rust-la/"},
 {"name": "Rust Online", "location": "Tokyo, JP", "date": "2024-01-25T19:00:00+09:00",
 "url": "https://www.meetup.com/tokyo-rust/events/4/", "virtual": true,
 "organizer_name": "Tokyo Rust", "organizer_url": "https://www.meetup.com/tokyo-rust/"}]"#;

fn events_root(name: &str) -> std::path::PathBuf {
    let root = scratch(name);
    std::fs::create_dir_all(root.join("draft")).unwrap();
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(root.join("draft/2024-01-10-this-week-in-rust.md"), DRAFT).unwrap();
    std::fs::write(root.join("berlin.ics"), CALENDAR).unwrap();
    std::fs::write(root.join("meetup.json"), MEETUP).unwrap();
    root
}

const EXPECTED: &str = "### Virtual\n\n\
* 2024-01-25 | Virtual (Tokyo, JP) | [Tokyo Rust](https://www.meetup.com/tokyo-rust/)\n\
\x20   * [**Rust Online**](https://www.meetup.com/tokyo-rust/events/4/)\n\n\
### Europe\n\n\
* 2024-01-16 | Berlin, DE | Rust Berlin\n\
\x20   * [**Hack and Learn**](https://berline.rs/hack)\n\
* 2024-01-20 | Rome, IT | [Rust Roma](https://www.meetup.com/rust-roma/)\n\
\x20   * [**Added by hand**](https://www.meetup.com/rust-roma/events/2/)\n\
* 2024-01-30 | Berlin, DE | Rust Berlin\n\
\x20   * [**Hack and Learn**](https://berline.rs/hack)\n\
* 2024-02-06 | Berlin, DE | Rust Berlin\n\
\x20   * [**Hack and Learn**](https://berline.rs/hack)\n\n\
### North America\n\n\
* 2024-01-17 | Los Angeles, CA, US | [Rust LA](https://www.meetup.com/rust-la/)\n\
\x20   * [**Late night Rust**](https://www.meetup.com/rust-la/events/3/)";

#[test]
fn builds_the_list_from_a_file_a_url_and_json_into_the_draft() {
    let root = events_root("events-into");
    let base = serve(vec![("/la.ics", 200, "text/calendar", REMOTE.to_string())]);
    let url = format!("{base}/la.ics");
    let draft = root.join("draft/2024-01-10-this-week-in-rust.md");
    let args = [
        "events",
        "--ics",
        "berlin.ics",
        "--ics",
        &url,
        "--json",
        "meetup.json",
        "--into",
        "draft/2024-01-10-this-week-in-rust.md",
    ];
    let out = twir(&args, &root);
    succeeds(&out);
    let text = std::fs::read_to_string(&draft).unwrap();
    let (before, after) = DRAFT.split_once("### Europe").unwrap();
    let after = &after[after.find("\n\nIf you are").unwrap()..];
    assert_eq!(
        text,
        format!("{before}{EXPECTED}{after}"),
        "only the list changed"
    );
    assert!(stdout(&out).contains("updated draft/2024-01-10-this-week-in-rust.md"));
    // No organizer page is guessed from the event's site; one warning says so.
    assert_eq!(
        stderr(&out)
            .matches("no page for the organizer \"Rust Berlin\"")
            .count(),
        1,
        "{}",
        stderr(&out)
    );
    assert!(
        stdout(&out)
            .contains("dropped draft/2024-01-10-this-week-in-rust.md:14: 2024-01-04 is outside"),
        "{}",
        stdout(&out)
    );

    // A second run changes nothing: the draft's events are not duplicated.
    let again = twir(&args, &root);
    assert_eq!(again.status.code(), Some(0));
    assert!(
        stdout(&again).contains("is up to date"),
        "{}",
        stdout(&again)
    );
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), text);
}

#[test]
fn prints_the_list_for_a_date() {
    let root = events_root("events-print");
    let out = twir(
        &["events", "--date", "2024-01-10", "--ics", "berlin.ics"],
        &root,
    );
    succeeds(&out);
    assert!(stdout(&out).starts_with(
        "Rusty Events between 2024-01-10 - 2024-02-07 🦀\n\n### Europe\n\n* 2024-01-16 | Berlin, DE"
    ));
    assert!(
        !stdout(&out).contains("2024-01-23"),
        "the EXDATE week is left out"
    );
}

#[test]
fn a_failing_source_leaves_the_draft_untouched() {
    let root = events_root("events-fail");
    let base = serve(vec![]);
    let url = format!("{base}/gone.ics");
    let draft = root.join("draft/2024-01-10-this-week-in-rust.md");
    let args = [
        "events",
        "--ics",
        "berlin.ics",
        "--ics",
        url.as_str(),
        "--into",
        "draft/2024-01-10-this-week-in-rust.md",
    ];
    let out = twir(&args, &root);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(&format!("cannot fetch {url}: the server answered HTTP 404")),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), DRAFT);

    std::fs::write(
        root.join("broken.ics"),
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20240111\n",
    )
    .unwrap();
    let out = twir(
        &[
            "events",
            "--ics",
            "broken.ics",
            "--into",
            "draft/2024-01-10-this-week-in-rust.md",
        ],
        &root,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("broken.ics:2: BEGIN:VEVENT is never closed"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), DRAFT);

    let mut keep = args.to_vec();
    keep.push("--keep-going");
    let out = twir(&keep, &root);
    assert_eq!(out.status.code(), Some(1), "a source failed");
    let text = std::fs::read_to_string(&draft).unwrap();
    assert!(
        text.contains("Hack and Learn"),
        "the other sources still count"
    );
}

/// An evening meetup that ends after midnight is a one-day event, an e-mail address is
/// no organizer's name, and a missing file's error is printed once.
#[test]
fn calendar_details_as_an_editor_expects() {
    let root = events_root("events-details");
    std::fs::write(
        root.join("crabs.ics"),
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Crab Club\r\nX-WR-TIMEZONE:Europe/Berlin\r\n\
BEGIN:VEVENT\r\nUID:late@crabs\r\nDTSTART;TZID=Europe/Berlin:20240112T233000\r\n\
DTEND;TZID=Europe/Berlin:20240113T010000\r\nSUMMARY:Late shift\r\nLOCATION:Berlin\\, DE\r\n\
ORGANIZER;CN=crabs@example.org:mailto:crabs@example.org\r\nURL:https://crab.example/e/1\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:weekend@crabs\r\nDTSTART;TZID=Europe/Berlin:20240119T100000\r\n\
DTEND;TZID=Europe/Berlin:20240120T180000\r\nSUMMARY:Crab weekend\r\nLOCATION:Berlin\\, DE\r\n\
URL:https://crab.example/e/2\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    let out = twir(
        &["events", "--ics", "crabs.ics", "--date", "2024-01-10"],
        &root,
    );
    succeeds(&out);
    let list = stdout(&out);
    assert!(
        list.contains("* 2024-01-12 | Berlin, DE | Crab Club\n"),
        "{list}"
    );
    assert!(
        list.contains("* 2024-01-19 - 2024-01-20 | Berlin, DE | Crab Club\n"),
        "{list}"
    );
    assert!(
        !list.contains('@') && !list.contains("https://crab.example/)"),
        "{list}"
    );
    assert_eq!(stderr(&out).matches("no page for the organizer").count(), 1);

    let missing = twir(
        &["events", "--ics", "missing.ics", "--date", "2024-01-10"],
        &root,
    );
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(
        stderr(&missing).matches("No such file").count(),
        1,
        "{}",
        stderr(&missing)
    );
}
