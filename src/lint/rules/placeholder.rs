//! `placeholder`: leftovers of the template — `INSERT_LINK_HERE`, `REDDIT_LINK_HERE`,
//! `[]()`, `[ - ]()`, `$twir_*` — and template comments ("COTW goes here") in a part of
//! the issue that was never filled in.

use crate::diagnostic::{Diagnostic, Level};
use crate::issue::Span;
use crate::lint::util::{has_content, is_boilerplate};
use crate::lint::{Ctx, Lint};

pub static LINT: Lint = Lint {
    code: "placeholder",
    default_level: Level::Warn,
    unfinished: true,
    fixable: false,
    summary: "a template placeholder is still in the issue",
    levels: "\
warning: while a draft is assembled
error: with `--ready` (unfinished work)",
    explain: "\
The draft template marks the places editors fill in: `INSERT_LINK_HERE`,
`REDDIT_LINK_HERE`, empty links `[]()` and `[ - ]()`, `$twir_...` variables, and comments
such as `<!-- COTW goes here -->`. Any of them left when the issue ships shows a hole in the
issue. While a draft is assembled these are warnings; `twir check --ready` makes them
errors.

Example:
    Please see the latest [Who's Hiring thread on r/rust](INSERT_LINK_HERE)",
    check: Some(check),
};

const MARKERS: &[&str] = &["INSERT_LINK_HERE", "REDDIT_LINK_HERE", "$twir_", "${twir_"];

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    let text = &issue.text;
    for marker in MARKERS {
        for (at, _) in text[issue.body.start..].match_indices(marker) {
            let at = at + issue.body.start;
            if issue.in_comment(at) || issue.in_code(at) {
                continue;
            }
            let len = text[at..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || "_${}".contains(c)))
                .unwrap_or(text.len() - at);
            out.push(
                Diagnostic::new(
                    LINT.code,
                    Span::new(at, at + len),
                    format!("placeholder `{}` left in the issue", &text[at..at + len]),
                )
                .help("fill it in, or remove the line"),
            );
        }
    }
    for link in &issue.links {
        let inner = issue.slice(link.text_span).trim();
        if link.dest.trim().is_empty() && (inner.is_empty() || inner == "-") {
            out.push(
                Diagnostic::new(
                    LINT.code,
                    link.span,
                    format!("empty template link `{}`", issue.slice(link.span)),
                )
                .help("fill in the title and address, or remove the line"),
            );
        }
    }
    for comment in &issue.comments {
        let body = issue.slice(comment.span);
        let lower = body.to_lowercase();
        // A commented-out section (a heading inside) is not a placeholder, and a comment
        // that swallowed others is reported by `unclosed-comment`.
        let first_line = body.lines().next().unwrap_or(body);
        let swallowed = first_line.trim_end().ends_with('>')
            && !first_line.contains("-->")
            && body.contains('\n');
        if !(lower.contains("goes here") || lower.contains("go here"))
            || body.lines().skip(1).any(|l| l.starts_with('#'))
            || swallowed
        {
            continue;
        }
        let region = fill_region(ctx, comment.span);
        if !has_content(ctx, region) {
            out.push(
                Diagnostic::new(
                    LINT.code,
                    Span::new(comment.span.start, comment.span.start + first_line.len()),
                    "template comment in a part of the issue that was not filled in",
                )
                .help("add the content the comment asks for, or remove the part"),
            );
        }
    }
}

/// Where the content a template comment asks for would go: from the comment to the next
/// heading, or to the end of the section when the next heading is a subsection of it
/// (the content may live in the subsections).
fn fill_region(ctx: &Ctx<'_>, comment: Span) -> Span {
    let issue = ctx.issue;
    let next = issue.headings.iter().find(|h| h.span.start >= comment.end);
    let end = next.map_or(issue.text.len(), |h| h.span.start);
    // The content goes before the section's closing boilerplate ("Please submit ...").
    if let Some(stop) = first_boilerplate(ctx, Span::new(comment.end, end)) {
        return Span::new(comment.end, stop);
    }
    let region = Span::new(comment.end, end);
    if has_content(ctx, region) {
        return region;
    }
    match (issue.section_at(comment.start), next) {
        (Some(s), Some(h)) if issue.sections[s].span.contains(h.span.start) => {
            Span::new(comment.end, issue.sections[s].span.end)
        }
        _ => region,
    }
}

/// Start of the first boilerplate line in `span`, outside comments.
fn first_boilerplate(ctx: &Ctx<'_>, span: Span) -> Option<usize> {
    let issue = ctx.issue;
    let mut at = span.start;
    while at < span.end {
        let end = issue.text[at..span.end]
            .find('\n')
            .map_or(span.end, |i| at + i);
        let line = issue.text[at..end].trim();
        if !line.is_empty() && !issue.in_comment(at) && is_boilerplate(ctx, line) {
            return Some(at);
        }
        at = end + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    #[test]
    fn finds_leftovers() {
        let text = format!(
            "{HEADER}## Crate of the Week\n\n<!-- COTW goes here -->\n\n[Please submit your suggestions][submit]!\n\n\
[submit]: https://e.com/s\n\n## Quote of the Week\n\n<!-- QOTW goes here -->\n\n[Please submit quotes](https://e.com/q)\n\n*Edited by [x](https://e.com/x)*\n\n\
## Jobs\n\nSee [thread](INSERT_LINK_HERE)\n<!-- * []() -->\n* [ - ]()\n\n<small>[Discuss](REDDIT_LINK_HERE)</small>\n"
        );
        assert_eq!(lines("placeholder", &text), [8, 16, 24, 26, 28]);
    }

    #[test]
    fn content_in_subsections_fills_the_comment() {
        let text = format!(
            "{HEADER}## Calls for Testing\n<!-- Calls for Testing go here -->\n\n### Rust\n* [a](https://e.com/a)\n\n\
## Updates\n<!-- Rust updates go here -->\n\n### Perf\n\n"
        );
        assert_eq!(lines("placeholder", &text), [13]);
    }
}
