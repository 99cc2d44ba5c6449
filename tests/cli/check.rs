//! `twir check` end to end: exit codes, human and JSON output, --fix, --ready, --explain,
//! the seeds and the whole sample archive.

use crate::support::*;
use std::collections::BTreeSet;

#[test]
fn example_draft_human_output() {
    let root = scratch("check-human");
    copy_dir(&repo().join("examples/newsletter"), &root);
    let out = twir(&["check"], &root);
    assert_eq!(out.status.code(), Some(1), "errors found");
    snapshot("check-example.txt", &stdout(&out));
}

#[test]
fn json_lines_have_locations_and_fixes() {
    let root = scratch("check-json");
    copy_dir(&repo().join("examples/newsletter"), &root);
    let out = twir(&["check", "--format", "json"], &root);
    assert_eq!(out.status.code(), Some(1));
    let rows: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert!(rows.len() > 10);
    for r in &rows {
        for key in [
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
            "level",
            "code",
            "message",
            "help",
        ] {
            assert!(r.get(key).is_some(), "{key} missing in {r}");
        }
    }
    let tracking = rows.iter().find(|r| r["code"] == "tracking-param").unwrap();
    assert_eq!(tracking["line"], 13);
    assert_eq!(tracking["fix"]["safe"], true);
    assert_eq!(
        tracking["fix"]["edits"][0]["replacement"],
        "https://example.org/blog/pincer-1-1"
    );
}

#[test]
fn fix_is_safe_idempotent_and_local() {
    let root = scratch("check-fix");
    copy_dir(&repo().join("examples/newsletter"), &root);
    let draft = root.join("draft/2024-01-17-this-week-in-ferris.md");
    let before = std::fs::read_to_string(&draft).unwrap();
    let out = twir(&["check", "--fix"], &root);
    let printed = stdout(&out);
    assert!(printed.contains("fixed "), "{printed}");
    let after = std::fs::read_to_string(&draft).unwrap();
    assert!(after.contains("(https://example.org/blog/pincer-1-1)"));
    assert!(after.contains("[Café talk"));
    assert!(after.contains("(https://example.org/blog/shell-game)"));
    assert!(
        after.contains("* [video] [Sideways walking"),
        "prefix case fixed"
    );
    let lisbon = after.find("Lisbon, PT").unwrap();
    assert!(lisbon < after.find("Oslo, NO").unwrap(), "events sorted");
    // Lines the fixes did not touch are byte-identical.
    let untouched = |s: &str| -> BTreeSet<String> {
        s.lines()
            .filter(|l| {
                !["pincer", "Caf", "shell-game", "Sideways walking"]
                    .iter()
                    .any(|w| l.contains(w))
            })
            .map(String::from)
            .collect()
    };
    assert_eq!(untouched(&before), untouched(&after));
    let again = twir(&["check", "--fix"], &root);
    assert!(
        !stdout(&again).contains("fixed "),
        "second run changes nothing"
    );
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), after);
}

#[test]
fn ready_turns_unfinished_work_into_errors() {
    let root = scratch("check-ready");
    copy_dir(&repo().join("examples/newsletter"), &root);
    let draft = root.join("draft/2024-01-17-this-week-in-ferris.md");
    // A draft whose only problems are unfinished work passes without --ready.
    let text =
        std::fs::read_to_string(root.join("content/2024-01-10-this-week-in-ferris.md")).unwrap();
    let text = text
        .replace("Ferris 2", "Ferris 3")
        .replace("Number: 2", "Number: 3")
        .replace("2024-01-10", "2024-01-17")
        .replace("2024-02-07", "2024-02-14")
        .replace("(https://example.org/discuss/2)", "(REDDIT_LINK_HERE)")
        .replace("* [Pincer 1.0 released](https://example.org/blog/pincer-1-0)\n", "* [Pincer 1.2](https://example.org/blog/pincer-1-2)\n")
        .replace("* [ZH] [螃蟹的一周](https://example.org/zh/week)\n", "")
        .replace("* [Tide tables as a data structure](https://example.org/blog/tide-tables)", "* [Crab cakes](https://example.org/blog/cakes)")
        .replace("* 2024-01-17 | Virtual (Berlin, DE) | [Crab Berlin](https://example.org/groups/berlin)\n    * [**Tide pool hack night**](https://example.org/events/101)\n", "");
    std::fs::write(&draft, text).unwrap();
    let relaxed = twir(&["check"], &root);
    succeeds(&relaxed);
    assert!(stdout(&relaxed).contains("warning[placeholder]"));
    let strict = twir(&["check", "--ready"], &root);
    assert_eq!(strict.status.code(), Some(1));
    assert!(stdout(&strict).contains("error[placeholder]"));
}

#[test]
fn explain_and_usage_errors() {
    let out = twir(&["check", "--explain", "mojibake"], &repo());
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("Example"));
    // Every lint says which of its findings are errors, warnings or notes.
    for lint in twir::lint::LINTS {
        let out = stdout(&twir(&["check", "--explain", lint.code], &repo()));
        let levels = out.split("Levels:\n").nth(1).unwrap_or("");
        assert!(
            ["error", "warning", "note"]
                .iter()
                .any(|l| levels.starts_with(l)),
            "{}:\n{out}",
            lint.code
        );
    }
    let out = stdout(&twir(&["check", "--explain", "event-format"], &repo()));
    assert!(
        out.contains("warning (suggested fix): a place completed"),
        "{out}"
    );
    let bad = twir(&["check", "--explain", "nope"], &repo());
    assert_eq!(bad.status.code(), Some(2));
    let missing = twir(&["check", "no/such/file.md"], &repo());
    assert_eq!(missing.status.code(), Some(2));
    let flag = twir(&["check", "--no-such-flag"], &repo());
    assert_eq!(flag.status.code(), Some(2));
}

#[test]
fn bad_config_is_a_clear_error() {
    let root = scratch("check-config");
    copy_dir(&repo().join("examples/newsletter"), &root);
    std::fs::write(
        root.join("twir.toml"),
        "[check.lints]\nno-such-lint = \"warn\"\n",
    )
    .unwrap();
    let out = twir(&["check"], &root);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-lint"));
}

/// Needs ../shared: the five seeds report the defects their editors fixed.
#[cfg_attr(not(twir_shared), ignore = "needs ../shared beside the checkout")]
#[test]
fn seeds_report_what_editors_fixed() {
    let shared = shared();
    let out = twir(&["check", "--format", "json", "../shared/seeds"], &repo());
    assert_eq!(out.status.code(), Some(1));
    let found: BTreeSet<(String, u64, String)> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|r| {
            let file = r["file"].as_str().unwrap().rsplit('/').next().unwrap()[..3].to_string();
            (
                file,
                r["line"].as_u64().unwrap(),
                r["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expect = [
        ("000", 48, "mojibake"),
        ("000", 91, "placeholder"),
        ("000", 180, "unclosed-comment"),
        ("000", 193, "mojibake"),
        ("000", 197, "event-outside-window"),
        ("000", 205, "event-format"),
        ("000", 209, "event-format"),
        ("000", 256, "list-break"),
        ("000", 318, "placeholder"),
        ("000", 322, "placeholder"),
        ("000", 35, "empty-section"),
        ("001", 50, "repo-link"),
        ("001", 89, "list-break"),
        ("001", 218, "mojibake"),
        ("001", 294, "tracking-param"),
        ("001", 295, "event-outside-window"),
        ("001", 319, "shortened-url"),
        ("001", 341, "event-order"),
        ("001", 359, "event-region"),
        ("002", 46, "duplicate-link"),
        ("002", 57, "duplicate-link"),
        ("002", 114, "mojibake"),
        ("002", 115, "unclosed-link"),
        ("002", 206, "backticks"),
        ("002", 336, "event-region"),
        ("003", 91, "mojibake"),
        ("003", 153, "truncated-title"),
        ("003", 262, "event-format"),
        ("004", 200, "duplicate-event"),
        ("004", 208, "event-region"),
        ("004", 208, "event-order"),
        ("004", 168, "event-outside-window"),
        ("004", 319, "placeholder"),
    ];
    let missing: Vec<_> = expect
        .iter()
        .filter(|(f, l, c)| !found.contains(&(f.to_string(), *l, c.to_string())))
        .collect();
    assert!(missing.is_empty(), "not reported: {missing:?}");
    // No false alarms on lines that are fine in the seeds (Australian places need no
    // state: `Canberra, AU`, `Sydney, AU`).
    for (f, l) in [
        ("002", 147),
        ("000", 206),
        ("000", 220),
        ("002", 418),
        ("004", 292),
    ] {
        assert!(
            !found
                .iter()
                .any(|(ff, ll, c)| ff == f && *ll == l && c != "mojibake"),
            "false positive at {f}:{l}"
        );
    }
    let _ = shared;
}

/// Needs ../shared: every published issue parses and checks without a panic, and the
/// checker stays quiet enough to be useful there.
#[cfg_attr(not(twir_shared), ignore = "needs ../shared beside the checkout")]
#[test]
fn whole_archive_checks_without_panic() {
    let shared = shared();
    let root = shared.join("twir-sample");
    let out = twir(&["check", "--format", "json", "content"], &root);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files = std::fs::read_dir(root.join("content"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().is_file())
        .count();
    let errors = stdout(&out)
        .lines()
        .filter(|l| l.contains("\"level\":\"error\""))
        .count();
    // Most of these are real defects (tracking parameters, stale events, `<T>` tags);
    // the bound keeps a regression from flooding editors.
    assert!(errors < 2 * files, "{errors} errors over {files} files");
}
