//! Property tests: parsing and every lint survive arbitrary bytes, and safe fixes never
//! touch bytes outside their edits.

use crate::archive::History;
use crate::config::Config;
use crate::issue::Issue;
use crate::issue::edit;
use crate::lint::{RunOptions, check};
use proptest::prelude::*;
use std::path::Path;

/// Markdown-ish pieces, so generated input reaches deep into the parser and lints.
const FRAGMENTS: &[&str] = &[
    "Title: This Week in Rust 5\nNumber: 5\nDate: 2024-01-03\n\n",
    "## Upcoming Events\n",
    "Rusty Events between 2024-01-03 - 2024-01-31 🦀\n",
    "### Europe\n",
    "* 2024-01-04 | Paris, FR | [P](https://e.com/p)\n",
    "    * [**T**](https://e.com/t?utm_source=x)\n",
    "* [a](https://e.com//a)\n",
    "<!-- goes here\n",
    "-->\n",
    "`code` ` [x](y\n",
    "CafÃ© ‚Äî ðŸ¦€ \u{F8FF}ü¶Ä\n",
    "\n",
];

/// A known fragment, or any string at all.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(FRAGMENTS).prop_map(String::from),
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let issue = Issue::parse("p.md", &bytes);
        let _ = check(&issue, Path::new("p.md"), &Config::default(), &History::default(), RunOptions { ready: true });
    }

    #[test]
    fn markdown_like_input_never_panics(parts in proptest::collection::vec(fragment(), 0..30)) {
        let text = parts.concat();
        let issue = Issue::from_text("p.md", &text);
        let _ = check(&issue, Path::new("p.md"), &Config::default(), &History::default(), RunOptions::default());
    }

    #[test]
    fn binary_search_lookups_agree_with_linear_scans(parts in proptest::collection::vec(fragment(), 0..30)) {
        let text = parts.concat();
        let issue = Issue::from_text("p.md", &text);
        for at in 0..=text.len() {
            let innermost = issue.sections.iter().enumerate()
                .filter(|(_, s)| s.span.contains(at)).max_by_key(|(_, s)| s.level).map(|(i, _)| i);
            prop_assert_eq!(issue.section_at(at), innermost);
            let comment = issue.comments.iter().any(|c| c.span.contains(at));
            prop_assert_eq!(issue.in_comment(at), comment);
            let code = issue.code_spans.iter().chain(&issue.code_blocks).any(|c| c.contains(at));
            prop_assert_eq!(issue.in_code(at), code);
            let linked = issue.links.iter().any(|l| l.span.contains(at))
                || issue.ref_defs.iter().any(|d| d.span.contains(at))
                || issue.html.iter().any(|t| t.span.contains(at));
            prop_assert_eq!(issue.in_link_or_tag(at), linked);
        }
    }

    #[test]
    fn fixes_change_only_their_spans(parts in proptest::collection::vec(fragment(), 0..30)) {
        let text = parts.concat();
        let issue = Issue::from_text("p.md", &text);
        let diags = check(&issue, Path::new("p.md"), &Config::default(), &History::default(), RunOptions::default());
        let edits: Vec<edit::Edit> = diags.into_iter().filter_map(|d| d.fix).filter(|f| f.safe).flat_map(|f| f.edits).collect();
        let (fixed, skipped) = edit::apply(&text, &edits);
        let mut applied: Vec<&edit::Edit> = edits.iter().filter(|e| !skipped.contains(e)).collect();
        applied.sort_by_key(|e| e.span.start);
        // Rebuild the fixed text from the original's untouched bytes and the edits.
        let mut expect = String::new();
        let mut at = 0;
        for e in applied {
            expect.push_str(&text[at..e.span.start]);
            expect.push_str(&e.replacement);
            at = e.span.end;
        }
        expect.push_str(&text[at..]);
        prop_assert_eq!(&fixed, &expect);
        // Fixing again settles: a few passes reach a text with no safe fix left.
        let mut text = fixed;
        let mut settled = false;
        for _ in 0..4 {
            let issue = Issue::from_text("p.md", &text);
            let diags = check(&issue, Path::new("p.md"), &Config::default(), &History::default(), RunOptions::default());
            let edits: Vec<edit::Edit> = diags.into_iter().filter_map(|d| d.fix).filter(|f| f.safe).flat_map(|f| f.edits).collect();
            let (next, _) = edit::apply(&text, &edits);
            if next == text {
                settled = true;
                break;
            }
            text = next;
        }
        prop_assert!(settled, "fixes do not settle on {:?}", text);
    }
}
