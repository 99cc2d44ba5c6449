//! Helpers several lints share: which links are content, and whether a stretch of an
//! issue holds anything but boilerplate.

use super::Ctx;
use crate::config::Config;
use crate::events::HEADING as EVENTS;
use crate::issue::{Issue, Link, LinkKind, Span};

/// The links readers came for: the first link of each list item (later links in an
/// item are context, such as "follow-up to [...]"), not in headings, not in the events
/// section (organizers repeat by nature), web links only.
pub fn content_links(issue: &Issue) -> impl Iterator<Item = &Link> {
    let events = issue.section_named(EVENTS).map(|s| issue.sections[s].span);
    issue.links.iter().enumerate().filter_map(move |(i, l)| {
        let first_in_item = l.item.is_some() && (i == 0 || issue.links[i - 1].item != l.item);
        (first_in_item
            && !l.in_heading
            && events.is_none_or(|e| !e.contains(l.span.start))
            && is_web(&l.dest))
        .then_some(l)
    })
}

/// Content links in the sections that hold community submissions.
pub fn community_links<'a>(issue: &'a Issue, config: &'a Config) -> impl Iterator<Item = &'a Link> {
    content_links(issue).filter(move |l| in_community(issue, config, l.section))
}

/// Whether `section` is, or is inside, a community section.
pub fn in_community(issue: &Issue, config: &Config, section: Option<usize>) -> bool {
    config
        .check
        .community_sections
        .iter()
        .any(|title| issue.within_section(section, title))
}

/// Where link destinations are written: inline links (and, with `autolinks`, `<...>`
/// links) and reference definitions — each once, so a fix edits one place.
pub fn written_destinations(issue: &Issue, autolinks: bool) -> impl Iterator<Item = (Span, &str)> {
    issue
        .links
        .iter()
        .filter(move |l| l.kind == LinkKind::Inline || (autolinks && l.kind == LinkKind::Autolink))
        .map(|l| (l.dest_span, l.dest.as_str()))
        .chain(
            issue
                .ref_defs
                .iter()
                .map(|d| (d.dest_span, d.dest.as_str())),
        )
}

pub fn is_web(dest: &str) -> bool {
    let d = dest.trim_start();
    d.len() > 8
        && (d[..7].eq_ignore_ascii_case("http://") || d[..8].eq_ignore_ascii_case("https://"))
}

/// Whether `span` of the issue holds content: a line that is not blank, not inside a
/// comment, not a heading, not a reference definition and not boilerplate.
pub fn has_content(ctx: &Ctx<'_>, span: Span) -> bool {
    let issue = ctx.issue;
    let first = issue.lines.line_of(span.start);
    let last = issue
        .lines
        .line_of(span.end.saturating_sub(1).max(span.start));
    (first..=last).any(|n| {
        let line = issue.lines.line_span(&issue.text, n);
        if line.end <= span.start || line.start >= span.end {
            return false;
        }
        let text = strip_comments(issue, line);
        let t = text.trim();
        // The section's "No ... this week" line is what an empty section should say, even
        // where the template already holds it.
        if says_none_this_week(t) {
            return true;
        }
        !(t.is_empty()
            || t.starts_with('#')
            || issue.ref_defs.iter().any(|d| d.span.contains(line.start))
            || is_boilerplate(ctx, t))
    })
}

/// The line's text with comments blanked out.
fn strip_comments(issue: &Issue, line: Span) -> String {
    let text = issue.slice(line);
    let touched = issue
        .comments
        .iter()
        .any(|c| c.span.start < line.end && line.start < c.span.end);
    if !touched {
        return text.to_string();
    }
    let mut out = String::new();
    for (i, c) in text.char_indices() {
        if !issue.in_comment(line.start + i) {
            out.push(c);
        }
    }
    out
}

/// `* *No RFCs were approved this week.*`, `*No Items entered Final Comment Period this
/// week for ...`: a section's explicit "nothing this week".
pub fn says_none_this_week(line: &str) -> bool {
    let t = line.trim_start_matches(['*', ' ', '_']);
    t.starts_with("No ") && t.to_lowercase().contains("this week")
}

pub fn is_boilerplate(ctx: &Ctx<'_>, line: &str) -> bool {
    ctx.template_lines.contains(line)
        || ctx
            .config
            .check
            .boilerplate
            .iter()
            .any(|b| line.starts_with(b.as_str()))
}

/// The text of `span` with its line ending dropped, for messages.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max).collect();
        format!("{cut}…")
    }
}
