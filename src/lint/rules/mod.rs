//! One file per lint. Each file holds the lint's `LINT` description and its check.

pub mod backticks;
pub mod bad_url;
pub mod crates_io_link;
pub mod duplicate_event;
pub mod duplicate_link;
pub mod empty_list_item;
pub mod empty_section;
pub mod event_format;
pub mod event_order;
pub mod event_outside_window;
pub mod event_region;
pub mod events_window;
pub mod header;
pub mod html_tag;
pub mod link_broken;
pub mod link_prefix;
pub mod link_redirect;
pub mod link_title;
pub mod link_unverifiable;
pub mod list_break;
pub mod mojibake;
pub mod placeholder;
pub mod repo_link;
pub mod shortened_url;
pub mod tracking_param;
pub mod truncated_title;
pub mod unclosed_comment;
pub mod unclosed_link;
pub mod url_simplify;

#[cfg(test)]
pub(crate) mod test_util {
    //! Inline fixtures: run one lint on a snippet and compare the lines it reports, so a
    //! test fails on a false positive as well as on a miss.

    use crate::archive::History;
    use crate::config::Config;
    use crate::diagnostic::Diagnostic;
    use crate::issue::Issue;
    use crate::lint::{Ctx, find};
    use std::collections::HashSet;

    pub const HEADER: &str = "Title: This Week in Rust 575\nNumber: 575\nDate: 2024-11-27\nCategory: This Week in Rust\n\n";

    /// Findings of lint `code` on `text`, with an empty history.
    pub fn diagnostics(code: &str, text: &str) -> (Issue, Vec<Diagnostic>) {
        let issue = Issue::from_text("t.md", text);
        let config = Config::default();
        let history = History::default();
        let empty = HashSet::new();
        let ctx = Ctx {
            issue: &issue,
            config: &config,
            recent: &[],
            previous: None,
            boilerplate_urls: &empty,
            template_lines: history.template_lines(),
        };
        let lint = find(code).expect("lint exists");
        let mut out = Vec::new();
        (lint.check.expect("an offline lint"))(&ctx, &mut out);
        // As the runner does: a finding never exceeds the lint's level.
        for d in &mut out {
            d.level = d.level.min(lint.default_level);
        }
        (issue, out)
    }

    /// The 1-based lines lint `code` reports on `text`.
    pub fn lines(code: &str, text: &str) -> Vec<usize> {
        let (issue, out) = diagnostics(code, text);
        let mut lines: Vec<usize> = out
            .iter()
            .map(|d| issue.lines.line_of(d.span.start))
            .collect();
        lines.sort();
        lines
    }

    /// The 1-based lines and levels of the findings of lint `code` on `text`.
    pub fn findings(code: &str, text: &str) -> Vec<(usize, crate::diagnostic::Level)> {
        let (issue, out) = diagnostics(code, text);
        let mut found: Vec<_> = out
            .iter()
            .map(|d| (issue.lines.line_of(d.span.start), d.level))
            .collect();
        found.sort();
        found
    }

    /// `text` after applying every fix of lint `code`.
    pub fn fixed(code: &str, text: &str) -> String {
        let (_, out) = diagnostics(code, text);
        let edits: Vec<_> = out
            .into_iter()
            .filter_map(|d| d.fix)
            .flat_map(|f| f.edits)
            .collect();
        crate::issue::edit::apply(text, &edits).0
    }
}
