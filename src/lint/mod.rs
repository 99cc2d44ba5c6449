//! Lints: each rule in its own file under `rules/` with a static description and one check
//! function, registered in [`LINTS`] (sorted by code; a test keeps it so).

pub mod rules;
pub(crate) mod util;

#[cfg(test)]
mod robustness;

use crate::archive::{Entry, History};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Level};
use crate::issue::Issue;
use std::collections::HashSet;
use std::path::Path;

pub use util::{community_links, content_links};

/// A lint: its documentation and its check.
pub struct Lint {
    pub code: &'static str,
    pub default_level: Level,
    /// Unfinished work (placeholders, empty sections): a warning while a draft is being
    /// assembled, an error with `--ready`.
    pub unfinished: bool,
    /// Whether the lint offers fixes `--fix` applies.
    pub fixable: bool,
    /// One line: what the lint finds.
    pub summary: &'static str,
    /// Which findings are errors and which are warnings, by the one rule: an error is
    /// what breaks a page, a link or a fact; a spelling or style that differs from the
    /// house form is a warning (with a fix where one is sure).
    pub levels: &'static str,
    /// Why it matters and an example, for `twir check --explain`.
    pub explain: &'static str,
    /// The offline check; `None` for the lints of `twir check --online`, whose findings
    /// come from fetching the links (see [`crate::online`]).
    pub check: Option<fn(&Ctx<'_>, &mut Vec<Diagnostic>)>,
}

/// What a check sees: the issue, the configuration and the issues before it.
pub struct Ctx<'a> {
    pub issue: &'a Issue,
    pub config: &'a Config,
    /// The most recent issues published before this one, newest first.
    pub recent: &'a [&'a Entry],
    /// The issue right before this one, if known.
    pub previous: Option<&'a Entry>,
    /// Normalised URLs every issue carries (template links, links most recent issues
    /// share); duplicates of these are not reported.
    pub boilerplate_urls: &'a HashSet<String>,
    /// Lines of the draft template: boilerplate, not content.
    pub template_lines: &'a HashSet<String>,
}

/// Every lint, sorted by code.
pub static LINTS: &[&Lint] = &[
    &rules::backticks::LINT,
    &rules::bad_url::LINT,
    &rules::crates_io_link::LINT,
    &rules::duplicate_event::LINT,
    &rules::duplicate_link::LINT,
    &rules::empty_list_item::LINT,
    &rules::empty_section::LINT,
    &rules::event_format::LINT,
    &rules::event_order::LINT,
    &rules::event_outside_window::LINT,
    &rules::event_region::LINT,
    &rules::events_window::LINT,
    &rules::header::LINT,
    &rules::html_tag::LINT,
    &rules::link_broken::LINT,
    &rules::link_prefix::LINT,
    &rules::link_redirect::LINT,
    &rules::link_title::LINT,
    &rules::link_unverifiable::LINT,
    &rules::list_break::LINT,
    &rules::mojibake::LINT,
    &rules::placeholder::LINT,
    &rules::repo_link::LINT,
    &rules::shortened_url::LINT,
    &rules::tracking_param::LINT,
    &rules::truncated_title::LINT,
    &rules::unclosed_comment::LINT,
    &rules::unclosed_link::LINT,
    &rules::url_simplify::LINT,
];

/// The lint with this code.
pub fn find(code: &str) -> Option<&'static Lint> {
    LINTS.iter().copied().find(|l| l.code == code)
}

/// Options of one check run.
#[derive(Clone, Copy, Debug, Default)]
pub struct RunOptions {
    /// Publication gate: unfinished work is an error.
    pub ready: bool,
}

/// The level a lint runs at under `config` and `opts`.
pub fn level_of(lint: &Lint, config: &Config, opts: RunOptions) -> Level {
    let level = config
        .check
        .lints
        .get(lint.code)
        .copied()
        .unwrap_or(lint.default_level);
    if lint.unfinished && opts.ready && level == Level::Warn {
        Level::Error
    } else {
        level
    }
}

/// Runs every lint that is not allowed; findings come sorted by position.
pub fn run(ctx: &Ctx<'_>, opts: RunOptions) -> Vec<Diagnostic> {
    let mut all = Vec::new();
    for lint in LINTS {
        let level = level_of(lint, ctx.config, opts);
        let Some(check) = lint.check.filter(|_| level != Level::Allow) else {
            continue;
        };
        let mut found = Vec::new();
        check(ctx, &mut found);
        for mut d in found {
            // A lint may cap a finding at warning; it never raises one.
            d.level = d.level.min(level);
            all.push(d);
        }
    }
    all.sort_by(|a, b| (a.span.start, a.code).cmp(&(b.span.start, b.code)));
    all
}

/// Checks one issue, identified by `id` in the archive, against the archive's history.
pub fn check(
    issue: &Issue,
    id: &Path,
    config: &Config,
    history: &History,
    opts: RunOptions,
) -> Vec<Diagnostic> {
    let date = issue.effective_date();
    let recent = history.recent_before(id, date, config.check.recent);
    let previous = history.previous(id, date);
    let boilerplate_urls = history.boilerplate_urls(&recent);
    let ctx = Ctx {
        issue,
        config,
        recent: &recent,
        previous,
        boilerplate_urls: &boilerplate_urls,
        template_lines: history.template_lines(),
    };
    run(&ctx, opts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_sorted_and_complete() {
        let codes: Vec<_> = LINTS.iter().map(|l| l.code).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(
            codes, sorted,
            "LINTS must be sorted by code, without repeats"
        );
        // Every rule file is registered: one file per lint.
        let files = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/src/lint/rules"))
            .unwrap()
            .filter_map(|e| {
                let name = e.unwrap().file_name().into_string().unwrap();
                let stem = name.strip_suffix(".rs")?.to_string();
                (stem != "mod").then(|| stem.replace('_', "-"))
            })
            .collect::<std::collections::BTreeSet<_>>();
        let registered = codes.iter().map(|c| c.to_string()).collect();
        assert_eq!(files, registered);
    }

    #[test]
    fn every_lint_is_documented() {
        for lint in LINTS {
            assert!(
                !lint.summary.is_empty() && !lint.summary.ends_with('.'),
                "{}",
                lint.code
            );
            assert!(
                lint.explain.contains("Example"),
                "{} has no example",
                lint.code
            );
            // The levels text names each level the lint can report, and no other.
            let says = |word: &str| lint.levels.lines().any(|l| l.starts_with(word));
            assert!(
                says("error") || says("warning") || says("note"),
                "{} does not say its levels",
                lint.code
            );
            assert_eq!(
                says("error"),
                lint.default_level == Level::Error || lint.unfinished,
                "{}: the levels text and the default level disagree",
                lint.code
            );
        }
    }
}
