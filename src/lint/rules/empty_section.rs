//! `empty-section`: a heading with nothing under it.

use crate::diagnostic::{Diagnostic, Level};
use crate::lint::util::has_content;
use crate::lint::{Ctx, Lint};

pub static LINT: Lint = Lint {
    code: "empty-section",
    default_level: Level::Warn,
    unfinished: true,
    fixable: false,
    summary: "a section has no content",
    levels: "\
warning: while a draft is assembled
error: with `--ready` (unfinished work)",
    explain: "\
A heading with nothing under it (`### Foundation` followed by the next heading) is a
section nobody filled in. Before publishing, fill it, write the section's \"No ... this
week\" line, or remove the heading. A warning while the draft is assembled, an error with
`twir check --ready`. Sections whose template comment says what goes there are reported by
`placeholder` instead.

Example:
    ### Foundation

    ### Newsletters",
    check: Some(check),
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    if !issue.is_modern() {
        return;
    }
    for section in &issue.sections {
        if !section.children.is_empty() || has_content(ctx, section.own) {
            continue;
        }
        let has_template_comment = issue.comments.iter().any(|c| {
            section.own.contains(c.span.start) && {
                let s = issue.slice(c.span).to_lowercase();
                s.contains("goes here") || s.contains("go here")
            }
        });
        // A section holding a placeholder is reported as a placeholder.
        let own = issue.slice(section.own);
        if has_template_comment || own.contains("_HERE") || own.contains("$twir_") {
            continue;
        }
        let heading = issue.headings[section.heading].span;
        out.push(
            Diagnostic::new(
                LINT.code,
                heading,
                format!("section `{}` is empty", section.title),
            )
            .help("fill it in, add its \"No ... this week\" line, or remove the heading"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    #[test]
    fn finds_empty_leaves() {
        let text = format!(
            "{HEADER}## Updates from Rust Community\n\n### Official\n* [a](https://e.com)\n\n### Foundation\n\n\
### Newsletters\n<!-- nothing yet -->\n\n## Crate of the Week\n\n<!-- COTW goes here -->\n\n## Jobs\n\nSome text.\n"
        );
        assert_eq!(lines("empty-section", &text), [11, 13]);
    }

    #[test]
    fn a_none_this_week_line_is_content() {
        let text = format!(
            "{HEADER}## Updates from the Rust Project\n\n### Approved RFCs\n\n* *No RFCs were approved this week.*\n\n\
### New and Updated RFCs\n\n*No New or Updated RFCs were created this week.*\n\n### Final Comment Period\n\n## Jobs\n\nText.\n"
        );
        assert_eq!(lines("empty-section", &text), [16]);
    }
}
