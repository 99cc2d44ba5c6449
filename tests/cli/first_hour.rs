//! The first hour with twir: roots that do not exist or are not newsletters are errors and
//! are never created, `twir init` starts a newsletter, and bad configuration names its key.

use crate::support::*;

#[test]
fn a_wrong_root_is_an_error_and_is_not_created() {
    let base = scratch("roots");
    let typo = base.join("no/such/checkout");
    for cmd in [
        &["build"][..],
        &["new"],
        &["check"],
        &["events", "--date", "2024-01-03"],
    ] {
        let mut args = vec!["--root", typo.to_str().unwrap()];
        args.extend(cmd);
        let out = twir(&args, &base);
        assert_eq!(out.status.code(), Some(2), "{cmd:?}");
        assert!(
            stderr(&out).contains("is not a newsletter root: it does not exist"),
            "{cmd:?}: {}",
            stderr(&out)
        );
    }
    assert!(!base.join("no").exists(), "a command created the root");
    // A folder that is no newsletter, named or found.
    let plain = base.join("plain");
    std::fs::create_dir_all(&plain).unwrap();
    let out = twir(&["--root", plain.to_str().unwrap(), "new"], &base);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("it has neither"), "{}", stderr(&out));
    for cmd in [&["build"][..], &["check"]] {
        let out = twir(cmd, &plain);
        assert_eq!(out.status.code(), Some(2), "{cmd:?}");
        let err = stderr(&out);
        assert!(
            err.contains("no newsletter root in") && err.contains("looked for a twir.toml"),
            "{cmd:?}: {err}"
        );
    }
    assert_eq!(
        std::fs::read_dir(&plain).unwrap().count(),
        0,
        "nothing written"
    );
    // A file checked by path needs no newsletter around it.
    std::fs::write(
        plain.join("note.md"),
        "Title: T\nDate: 2024-01-03\n\nSome [text](https://e.com/a?utm_source=x).\n",
    )
    .unwrap();
    let out = twir(&["check", "note.md"], &plain);
    assert!(stdout(&out).contains("tracking-param"), "{}", stdout(&out));
}

#[test]
fn init_starts_a_newsletter_once() {
    let base = scratch("init");
    let dir = base.join("ferris");
    let out = twir(&["init", "ferris", "--name", "This Week in Ferris"], &base);
    succeeds(&out);
    assert!(
        stdout(&out).contains("started \"This Week in Ferris\""),
        "{}",
        stdout(&out)
    );
    for f in ["twir.toml", "content", "draft/DRAFT_TEMPLATE"] {
        assert!(dir.join(f).exists(), "{f}");
    }
    // The new newsletter works: its first draft is issue 1.
    let new = twir(&["new"], &dir);
    succeeds(&new);
    let draft = std::fs::read_dir(dir.join("draft"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .find(|n| n.ends_with("-this-week-in-ferris.md"))
        .expect("a draft");
    let text = std::fs::read_to_string(dir.join("draft").join(&draft)).unwrap();
    assert!(
        text.starts_with("Title: This Week in Ferris 1\nNumber: 1\n"),
        "{text}"
    );
    // Never over an existing folder's files.
    let again = twir(&["init", "ferris"], &base);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("is not empty"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn invalid_configuration_names_the_key_and_the_choices() {
    let root = empty_root("bad-weekday");
    std::fs::write(
        root.join("twir.toml"),
        "[newsletter]\nweekday = \"Xyzday\"\n",
    )
    .unwrap();
    let out = twir(&["new"], &root);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("weekday = \"Xyzday\": choose Monday, Tuesday, Wednesday"),
        "{err}"
    );
}

#[test]
fn stray_files_in_draft_do_not_steer_new() {
    let root = scratch("strays");
    copy_dir(&repo().join("examples/newsletter"), &root);
    // A stray note dated a week after the real draft, and an empty one.
    std::fs::write(root.join("draft/2024-01-24-empty.md"), "").unwrap();
    std::fs::write(root.join("draft/notes.txt"), "remember the crabs").unwrap();
    let out = twir(&["new"], &root);
    succeeds(&out);
    let err = stderr(&out);
    assert!(err.contains("warning: ignoring draft/2024-01-24-empty.md: drafts are named like `{date}-this-week-in-ferris.md`"), "{err}");
    let printed = stdout(&out);
    // The next draft follows the real one (2024-01-17), and says where it came from.
    assert!(
        printed.contains("created draft/2024-01-24-this-week-in-ferris.md"),
        "{printed}"
    );
    assert!(
        printed.contains("the latest issue: draft/2024-01-17-this-week-in-ferris.md"),
        "{printed}"
    );
    assert!(!printed.contains("0 carried over"), "{printed}");
    // A draft named as drafts are but empty stops the cycle.
    std::fs::write(root.join("draft/2024-01-31-this-week-in-ferris.md"), "").unwrap();
    let out = twir(&["new"], &root);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("the draft draft/2024-01-31-this-week-in-ferris.md is empty"),
        "{}",
        stderr(&out)
    );
}
