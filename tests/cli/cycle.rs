//! The weekly cycle end to end: `twir new` and `twir publish`.

use crate::support::*;

const TEMPLATE: &str = "Title: This Week in Rust $twir_issue_number\nNumber: $twir_issue_number\n\
Date: $twir_issue_date\nCategory: This Week in Rust\n\nHello and welcome!\n\n\
## Updates from Rust Community\n\n### Official\n\n<!-- links go here -->\n\n## Upcoming Events\n\n\
Rusty Events between $twir_issue_date - $twir_events_end_date 🦀\n\n$twir_events_list\n\n\
If you are running a Rust event please add it to the calendar.\n";

/// A published issue of 2024-01-03 with one event that will be stale a week later and
/// one still ahead.
const PUBLISHED: &str = "Title: This Week in Rust 528\nNumber: 528\nDate: 2024-01-03\n\
Category: This Week in Rust\n\nHello and welcome!\n\n## Updates from Rust Community\n\n### Official\n\n\
* [Rust 1.75 is out](https://blog.rust-lang.org/2023/12/28/Rust-1.75.0.html)\n\n## Upcoming Events\n\n\
Rusty Events between 2024-01-03 - 2024-01-31 🦀\n\n### Europe\n\n\
* 2024-01-04 | Paris, FR | [Rust Paris](https://www.meetup.com/rust-paris/)\n\
\x20   * [**Old meetup**](https://www.meetup.com/rust-paris/events/1/)\n\
* 2024-01-20 | Rome, IT | [Rust Roma](https://www.meetup.com/rust-roma/)\n\
\x20   * [**Still ahead**](https://www.meetup.com/rust-roma/events/2/)\n\n\
If you are running a Rust event please add it to the calendar.\n";

fn newsletter(name: &str) -> std::path::PathBuf {
    let root = empty_root(name);
    std::fs::write(root.join("draft/DRAFT_TEMPLATE"), TEMPLATE).unwrap();
    std::fs::write(
        root.join("content/2024-01-03-this-week-in-rust.md"),
        PUBLISHED,
    )
    .unwrap();
    root
}

#[test]
fn new_makes_next_weeks_draft_with_events_still_ahead() {
    let root = newsletter("new-basic");
    let out = twir(&["new"], &root);
    succeeds(&out);
    let draft = root.join("draft/2024-01-10-this-week-in-rust.md");
    assert!(stdout(&out).starts_with("created draft/2024-01-10-this-week-in-rust.md\n"));
    assert!(stdout(&out).contains("number 529 (issue 528 + 1)"));
    assert!(stdout(&out).contains("events: 1 carried over"));
    let text = read(&draft);
    assert!(text.starts_with("Title: This Week in Rust 529\nNumber: 529\nDate: 2024-01-10\n"));
    assert!(text.contains(
        "Rusty Events between 2024-01-10 - 2024-02-07 🦀\n\n### Europe\n\n\
* 2024-01-20 | Rome, IT | [Rust Roma](https://www.meetup.com/rust-roma/)\n\
\x20   * [**Still ahead**](https://www.meetup.com/rust-roma/events/2/)\n\n\
If you are running"
    ));
    assert!(!text.contains("Old meetup"));
    assert!(stderr(&out).contains("already past"));

    // The same date again is refused, and the draft is left alone.
    let edited = format!("{text}my edits\n");
    std::fs::write(&draft, &edited).unwrap();
    let again = twir(&["new", "--date", "2024-01-10"], &root);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    assert_eq!(read(&draft), edited);
}

#[test]
fn new_reports_template_errors_and_writes_nothing() {
    let root = newsletter("new-template");
    std::fs::write(
        root.join("draft/DRAFT_TEMPLATE"),
        "Title: $twir_issue_number\n\n$twir_oops\n",
    )
    .unwrap();
    let out = twir(&["new"], &root);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("line 3, column 1: unknown placeholder `$twir_oops`"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_dir(root.join("draft")).unwrap().count(), 1);
    let bad_date = twir(&["new", "--date", "2024-13-01"], &root);
    assert_eq!(bad_date.status.code(), Some(2));
}

#[cfg_attr(not(twir_shared), ignore = "needs ../shared beside the checkout")]
#[test]
fn new_after_the_sample_archive() {
    let shared = shared();
    let root = scratch("new-sample");
    copy_dir(&shared.join("twir-sample"), &root);
    let out = twir(&["new"], &root);
    succeeds(&out);
    let text = read(&root.join("draft/2024-01-03-this-week-in-rust.md"));
    assert!(text.starts_with("Title: This Week in Rust 528\nNumber: 528\nDate: 2024-01-03\n"));
    assert!(text.contains("Rusty Events between 2024-01-03 - 2024-01-31 🦀"));
    let issue = twir::issue::Issue::from_text("d.md", &text);
    let events = &issue.events.as_ref().unwrap().events;
    assert!(events.len() > 5, "events carried over");
    let first_day = jiff::civil::date(2024, 1, 3);
    assert!(
        events.iter().all(|e| e.start.unwrap() >= first_day),
        "no stale events"
    );
    let check = twir(&["check", "draft/2024-01-03-this-week-in-rust.md"], &root);
    succeeds(&check);
}

/// A draft that passes `check --ready`.
fn finished(text: &str) -> String {
    text.replace(
        "<!-- links go here -->",
        "* [Rust 1.76 is out](https://blog.rust-lang.org/2024/02/08/Rust-1.76.0.html)",
    )
}

#[test]
fn publish_refuses_unfinished_and_moves_finished_drafts() {
    let root = newsletter("publish");
    succeeds(&twir(&["new"], &root));
    let draft = root.join("draft/2024-01-10-this-week-in-rust.md");
    let unfinished = read(&draft);

    let out = twir(&["publish"], &root);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("not published"), "{}", stdout(&out));
    assert_eq!(read(&draft), unfinished, "the draft is untouched");
    assert!(
        !root
            .join("content/2024-01-10-this-week-in-rust.md")
            .exists()
    );

    std::fs::write(&draft, finished(&unfinished)).unwrap();
    let out = twir(&["publish"], &root);
    succeeds(&out);
    let published = root.join("content/2024-01-10-this-week-in-rust.md");
    assert_eq!(read(&published), finished(&unfinished));
    assert!(!draft.exists(), "never two copies");
    assert!(
        stdout(&out).contains("(issue 529, 2024-01-10)"),
        "{}",
        stdout(&out)
    );
    let next = root.join("draft/2024-01-17-this-week-in-rust.md");
    assert!(read(&next).starts_with("Title: This Week in Rust 530\n"));

    // --force publishes an unfinished draft.
    let out = twir(&["publish", "--force"], &root);
    succeeds(&out);
    assert!(
        root.join("content/2024-01-17-this-week-in-rust.md")
            .exists()
    );
}
