//! Diagnostics as JSON lines: one object per finding, for editors and CI annotations.

use super::{Diagnostic, Fix};
use crate::issue::Issue;
use serde::Serialize;

#[derive(Serialize)]
struct Line<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    level: &'static str,
    code: &'static str,
    message: &'a str,
    help: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<&'a Fix>,
}

/// One JSON object (no trailing newline) for `diag` in `issue`.
pub fn render(issue: &Issue, diag: &Diagnostic) -> String {
    let (line, column) = issue.line_col(diag.span.start);
    let (end_line, end_column) = issue.line_col(diag.span.end);
    let obj = Line {
        file: &issue.name,
        line,
        column,
        end_line,
        end_column,
        level: diag.level.word(),
        code: diag.code,
        message: &diag.message,
        help: diag.help.as_deref(),
        fix: diag.fix.as_ref(),
    };
    serde_json::to_string(&obj).expect("diagnostics serialise")
}
