//! House style as it is today (2024–2026 drafts) and the gazetteer: `twir check --ready`
//! on a draft that holds every spelling the editors use now and every real defect that
//! shipped, `twir events` on its list, and both on the 2023 archive.

use crate::support::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const DRAFT: &str = "draft/2025-10-22-this-week-in-rust.md";

/// (line, level, code) of each finding, from `twir check --format json`.
fn findings(out: &std::process::Output) -> Vec<(u64, String, String)> {
    stdout(out)
        .lines()
        .map(|l| {
            let r: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                r["line"].as_u64().unwrap(),
                r["level"].as_str().unwrap().to_string(),
                r["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Today's spellings give at most a warning (with a fix); the defects that shipped in
/// 2024–2025 issues still give errors.
#[test]
fn todays_draft_passes_but_for_real_defects() {
    let root = scratch("house-style-check");
    copy_dir(&repo().join("tests/fixtures/house-style"), &root);
    let out = twir(&["check", "--ready", "--format", "json"], &root);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let found = findings(&out);
    let w = |line, code: &str| (line, "warning".to_string(), code.to_string());
    let e = |line, code: &str| (line, "error".to_string(), code.to_string());
    let expect = vec![
        // `[Series]`, `[Audio]`: prefixes compare case-insensitively.
        w(15, "link-prefix"),
        w(16, "link-prefix"),
        // `hhttps://`
        e(18, "bad-url"),
        // A link of last week's issue.
        e(19, "duplicate-link"),
        // `youtu.be/ID` and `youtube.com/watch?v=ID` among community links.
        e(22, "duplicate-link"),
        // A title cut with `…`.
        e(23, "truncated-title"),
        // Unbalanced backticks.
        e(24, "backticks"),
        // `Virtual + In-Person (...)`
        w(79, "event-format"),
        // Charlottesville is in VA, not NC.
        w(83, "event-format"),
        // `Munich, DE + Virtual`
        w(93, "event-format"),
        // `[Salzburg Rust]()`
        e(97, "bad-url"),
        // `Hybrid - Virtual and In-Person (...)`
        w(101, "event-format"),
        // An unknown country code.
        e(103, "event-format"),
        // Hamburg under North America.
        e(112, "event-region"),
        // `Portland, OR`, `Minneapolis, MN US`
        w(114, "event-format"),
        w(118, "event-format"),
        // The same event twice in one region.
        e(122, "duplicate-event"),
        // `São Paulo, SP`
        w(134, "event-format"),
    ];
    assert_eq!(found, expect, "{}", stdout(&out));

    // The safe fixes write the house forms; the gazetteer's completions wait for a person.
    let fix = twir(&["check", "--fix"], &root);
    assert!(stdout(&fix).contains("fixed "), "{}", stdout(&fix));
    let text = std::fs::read_to_string(root.join(DRAFT)).unwrap();
    for fixed in [
        "* [series] [Writing a database",
        "* [audio] [Rust in Production",
        "| Hybrid (Seattle, WA, US) |",
        "| Hybrid (Munich, DE) |",
        "| Hybrid (Paris, FR) |",
        "| Minneapolis, MN, US |",
        // Suggestions only: not applied.
        "| São Paulo, SP |",
        "| Portland, OR |",
        "| Virtual (Charlottesville, NC, US) |",
    ] {
        assert!(text.contains(fixed), "{fixed}\n{text}");
    }
    // The JSON carries the completion for an editor's tool to apply.
    let json = stdout(&twir(&["check", "--format", "json"], &root));
    let sao = json
        .lines()
        .find(|l| l.contains("São Paulo, SP"))
        .expect("São Paulo reported");
    let row: serde_json::Value = serde_json::from_str(sao).unwrap();
    assert_eq!(row["fix"]["safe"], false);
    assert_eq!(row["fix"]["edits"][0]["replacement"], "São Paulo, SP, BR");
}

/// `twir events` completes places, never drops an event for its place, files Türkiye under
/// Europe and lists hybrid events under Virtual and their continent.
#[test]
fn events_complete_places_and_list_hybrids_both_ways() {
    let root = scratch("house-style-events");
    copy_dir(&repo().join("tests/fixtures/house-style"), &root);
    let out = twir(&["events", "--into", DRAFT], &root);
    succeeds(&out);
    let text = std::fs::read_to_string(root.join(DRAFT)).unwrap();
    let issue = twir::issue::Issue::from_text("d.md", &text);
    let events = &issue.events.as_ref().unwrap().events;
    let listed: BTreeSet<(String, String)> = events
        .iter()
        .map(|e| (e.region.unwrap().to_string(), e.location.clone()))
        .collect();
    let has = |region: &str, loc: &str| listed.contains(&(region.into(), loc.into()));
    for (region, loc) in [
        ("Virtual", "Hybrid (Vancouver, BC, CA)"),
        ("North America", "Hybrid (Vancouver, BC, CA)"),
        ("Virtual", "Hybrid (Munich, DE)"),
        ("Europe", "Hybrid (Munich, DE)"),
        ("Virtual", "Hybrid (Seattle, WA, US)"),
        ("North America", "Hybrid (Seattle, WA, US)"),
        ("Virtual", "Virtual and In-Person (Lehi, UT, US)"),
        ("North America", "Virtual and In-Person (Lehi, UT, US)"),
        ("Europe", "Istanbul, TR"),
        ("Europe", "Hamburg, DE"),
        ("Asia", "Tel Aviv, IL"),
        ("North America", "Portland, OR, US"),
        ("North America", "Minneapolis, MN, US"),
        ("South America", "São Paulo, SP, BR"),
        ("Oceania", "Sydney, AU"),
        ("Virtual", "Virtual (Charlottesville, VA, US)"),
        // Unreadable: kept where the editor put it, with a warning.
        ("Europe", "Nowhere, ZZ"),
    ] {
        assert!(has(region, loc), "{loc} under {region}:\n{listed:?}");
    }
    assert!(!has("North America", "Hamburg, DE"));
    let err = stderr(&out);
    assert!(err.contains(":103: location \"Nowhere, ZZ\""), "{err}");
    // One event dropped: the Lehi meetup listed twice in North America.
    let printed = stdout(&out);
    let dropped: Vec<&str> = printed
        .lines()
        .filter(|l| l.trim_start().starts_with("dropped "))
        .collect();
    assert_eq!(dropped.len(), 1, "{printed}");
    assert!(dropped[0].contains("the same event"), "{dropped:?}");
    // A second run changes nothing.
    let again = twir(&["events", "--into", DRAFT], &root);
    succeeds(&again);
    assert!(
        stdout(&again).contains("is up to date"),
        "{}",
        stdout(&again)
    );
}

/// The 2023 defects the README lists: (date, line, lint).
fn readme_defects() -> BTreeSet<(String, u64, String)> {
    readme_rows("Real defects in the 2023 sample")
        .into_iter()
        .map(|c| (c[0].clone(), c[1].parse().unwrap(), c[2].clone()))
        .collect()
}

/// Every 2023 issue of the sample, copied into `draft/` as if it were a draft, passes
/// `twir check --ready` except for the real defects the README lists, each of which is
/// found. Needs `../shared`.
#[cfg_attr(not(twir_shared), ignore = "needs ../shared beside the checkout")]
#[test]
fn sample_2023_issues_are_ready_but_for_listed_defects() {
    let shared = shared();
    let root = empty_root("house-style-2023");
    let sample = shared.join("twir-sample");
    std::fs::copy(
        sample.join("draft/DRAFT_TEMPLATE"),
        root.join("draft/DRAFT_TEMPLATE"),
    )
    .unwrap();
    let mut copied = 0;
    for e in std::fs::read_dir(sample.join("content")).unwrap() {
        let name = e.unwrap().file_name().into_string().unwrap();
        if name.starts_with("2023-") && name.ends_with(".md") {
            std::fs::copy(
                sample.join("content").join(&name),
                root.join("draft").join(&name),
            )
            .unwrap();
            copied += 1;
        }
    }
    assert!(copied >= 50, "{copied} issues of 2023");
    let out = twir(&["check", "--ready", "--format", "json"], &root);
    let mut errors = BTreeSet::new();
    let mut files_with_errors = BTreeSet::new();
    for l in stdout(&out).lines() {
        let r: serde_json::Value = serde_json::from_str(l).unwrap();
        if r["level"] != "error" {
            continue;
        }
        let file = r["file"].as_str().unwrap();
        let date = Path::new(file).file_name().unwrap().to_string_lossy()[..10].to_string();
        files_with_errors.insert(date.clone());
        errors.insert((
            date,
            r["line"].as_u64().unwrap(),
            r["code"].as_str().unwrap().to_string(),
        ));
    }
    assert_eq!(
        errors,
        readme_defects(),
        "errors differ from the README's list"
    );
    // The issues with no listed defect pass the gate on their own.
    let clean: Vec<String> = std::fs::read_dir(root.join("draft"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("2023-") && !files_with_errors.contains(&n[..10]))
        .collect();
    assert!(clean.len() >= 20, "{clean:?}");
    let one = format!("draft/{}", clean[0]);
    succeeds(&twir(&["check", "--ready", &one], &root));
}

/// `twir events` over each 2023 issue's own list keeps every event — none is dropped for
/// its place — and files each country under the region the archive files it (by majority:
/// a few misfiled events aside). Needs `../shared`.
#[cfg_attr(not(twir_shared), ignore = "needs ../shared beside the checkout")]
#[test]
fn sample_2023_events_keep_every_place_and_region() {
    use twir::events::location;
    use twir::events::pipeline::{Window, assemble};
    use twir::events::{Region, record};
    let shared = shared();
    let content = shared.join("twir-sample/content");
    let rules = twir::config::Events::default();
    let mut archive: BTreeMap<String, BTreeMap<Region, usize>> = BTreeMap::new();
    let mut twir_filed: BTreeMap<String, BTreeSet<Region>> = BTreeMap::new();
    let mut events = 0;
    for e in std::fs::read_dir(&content).unwrap() {
        let path = e.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.starts_with("2023-") {
            continue;
        }
        let issue = twir::issue::Issue::parse(name.clone(), &std::fs::read(&path).unwrap());
        let Some(date) = issue.date() else { continue };
        let (records, _) = record::from_issue(&issue, &name);
        // A window wide enough that only duplicates may drop an event.
        let window = Window {
            start: date.saturating_sub(jiff::Span::new().days(400)),
            end: date.saturating_add(jiff::Span::new().days(400)),
        };
        events += records.len();
        for r in &records {
            let (Some(region), Some(loc)) = (r.listed_under, &r.location) else {
                continue;
            };
            let settled = location::settle(loc, &rules).location;
            if region != Region::Virtual
                && settled.mode == location::Mode::InPerson
                && let Some(p) = settled.places.first()
            {
                *archive
                    .entry(p.country.clone())
                    .or_default()
                    .entry(region)
                    .or_default() += 1;
            }
        }
        let assembled = assemble(records, window, &rules);
        for (r, why) in &assembled.dropped {
            assert!(
                why.contains("the same event"),
                "{name}: {why} ({:?})",
                r.raw_location
            );
        }
        for (region, list) in &assembled.groups {
            for r in list {
                let Some(loc) = &r.location else { continue };
                if *region != Region::Virtual
                    && loc.mode == location::Mode::InPerson
                    && let Some(p) = loc.places.first()
                {
                    twir_filed
                        .entry(p.country.clone())
                        .or_default()
                        .insert(*region);
                }
            }
        }
    }
    assert!(events > 1000, "{events} events read");
    assert!(archive.len() >= 15, "{} countries", archive.len());
    for (country, regions) in &archive {
        let majority = regions
            .iter()
            .max_by_key(|(_, n)| **n)
            .map(|(r, _)| *r)
            .unwrap();
        let filed = &twir_filed[country];
        assert_eq!(
            filed,
            &BTreeSet::from([majority]),
            "{country}: the archive files it under {regions:?}"
        );
    }
}
