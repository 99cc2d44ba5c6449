//! `backticks`: an unmatched backtick, an empty pair, or a code span that starts with
//! punctuation or a space — the trace of a backtick in the wrong place.

use crate::diagnostic::{Diagnostic, Level};
use crate::issue::Span;
use crate::lint::{Ctx, Lint};

pub static LINT: Lint = Lint {
    code: "backticks",
    default_level: Level::Error,
    unfinished: false,
    fixable: false,
    summary: "backticks do not pair up",
    levels: "\
error: a backtick without a partner, an empty pair, a code span that starts or ends
       with a space or starts with punctuation (each a sign of a missing backtick,
       which turns code into text and text into code)",
    explain: "\
A missing backtick shifts every code span after it on the line: code becomes text and
text becomes code. Signs of it are a lone backtick, an empty pair, or a code span that
starts with a comma or a space.

Example:
    * [stabilize WebAssembly `multivalue`, reference-types`, and tail-call` target features](https://github.com/rust-lang/rust/pull/131080)
should read
    * [stabilize WebAssembly `multivalue`, `reference-types`, and `tail-call` target features](https://github.com/rust-lang/rust/pull/131080)",
    check: Some(check),
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    let mut i = 0;
    let stray = &issue.stray_backticks;
    while i < stray.len() {
        let mut end = stray[i].end;
        let mut j = i + 1;
        while j < stray.len() && stray[j].start == end {
            end = stray[j].end;
            j += 1;
        }
        let span = Span::new(stray[i].start, end);
        let message = if j - i == 2 && !issue.text[end..].starts_with('`') {
            "empty pair of backticks"
        } else {
            "backtick has no partner"
        };
        out.push(
            Diagnostic::new(LINT.code, span, message)
                .help("pair it with another backtick, or remove it"),
        );
        i = j;
    }
    for &span in &issue.code_spans {
        let raw = issue.slice(span);
        let run = raw.bytes().take_while(|&b| b == b'`').count();
        if raw.len() < 2 * run {
            continue;
        }
        let inner = &raw[run..raw.len() - run];
        if let Some(problem) = suspicious(inner) {
            out.push(
                Diagnostic::new(LINT.code, span, format!("code span {problem}"))
                    .help("a backtick is probably missing or misplaced on this line"),
            );
        }
    }
}

fn suspicious(inner: &str) -> Option<&'static str> {
    let mut chars = inner.chars();
    let first = chars.next()?;
    let second = chars.next();
    let starts_space = first == ' ';
    let ends_space = inner.ends_with(' ');
    if inner.trim().is_empty() {
        return None;
    }
    if starts_space != ends_space {
        return Some(if starts_space {
            "starts with a space"
        } else {
            "ends with a space"
        });
    }
    // `` `, and tail-call` `` is text between two code spans; `` `}` `` is code.
    match (first, second) {
        (',' | ';' | ':' | '.' | ')' | ']' | '}', Some(' ')) => Some("starts with punctuation"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    #[test]
    fn finds_broken_backticks() {
        let text = format!(
            "{HEADER}* stabilize `multivalue`, reference-types`, and tail-call` features\n* fine `.await` and `::new` and `?` and `{{` and `}}`\n\
* odd ` one\n* empty `` pair\n* `trailing ` space\n* `` `nested` `` ok\n\n```\ncode ` block\n```\n"
        );
        assert_eq!(lines("backticks", &text), [6, 8, 9, 10]);
    }
}
