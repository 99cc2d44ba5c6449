//! Diagnostics in the rustc style: level and code, `--> file:line:col`, the source lines
//! with the span underlined, labels, and help.

use super::{Diagnostic, Level};
use crate::issue::{Issue, Span};
use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level as SnippetLevel, Renderer, Snippet};

/// Renders one diagnostic; `color` adds ANSI styles.
pub fn render(issue: &Issue, diag: &Diagnostic, color: bool) -> String {
    let level = match diag.level {
        Level::Error => SnippetLevel::ERROR,
        Level::Note => SnippetLevel::NOTE,
        _ => SnippetLevel::WARNING,
    };
    // Show only the lines the spans touch (folding what lies between), not the file.
    let spans = std::iter::once(diag.span).chain(diag.labels.iter().map(|(s, _)| *s));
    let first = spans.clone().map(|s| s.start).min().unwrap_or(0);
    let last = spans.map(|s| s.end).max().unwrap_or(0);
    let first_line = issue.lines.line_of(first);
    let last_line = issue.lines.line_of(last.saturating_sub(1).max(first));
    let window = Span::new(
        issue.lines.line_start(first_line),
        issue.lines.line_span(&issue.text, last_line).end,
    );
    let source = issue.slice(window);
    let local = |s: Span| {
        let a = s.start.clamp(window.start, window.end) - window.start;
        let b = s.end.clamp(window.start, window.end) - window.start;
        a..b.max(a)
    };
    let fix_note = diag.fix.as_ref().map(|f| {
        format!(
            "{}{}",
            f.description,
            if f.safe {
                " (twir check --fix)"
            } else {
                " (suggested; --fix leaves it to you)"
            }
        )
    });
    let mut snippet = Snippet::source(source)
        .line_start(first_line)
        .path(issue.name.as_str())
        .fold(true)
        .annotation(AnnotationKind::Primary.span(local(diag.span)));
    for (span, label) in &diag.labels {
        snippet = snippet.annotation(AnnotationKind::Context.span(local(*span)).label(label));
    }
    let mut group: Group = level
        .primary_title(diag.message.as_str())
        .id(diag.code)
        .element(snippet);
    if let Some(help) = &diag.help {
        group = group.element(SnippetLevel::HELP.message(help.as_str()));
    }
    if let Some(note) = &fix_note {
        group = group.element(SnippetLevel::NOTE.message(format!("fix: {note}")));
    }
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Ascii);
    renderer.render(&[group])
}
