//! Byte-range edits to an issue's text: fixes and splices change only the bytes they cover.

use super::Span;
use serde::Serialize;

/// Replace the bytes of `span` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    #[serde(flatten)]
    pub span: Span,
    pub replacement: String,
}

impl Edit {
    pub fn new(span: Span, replacement: impl Into<String>) -> Self {
        Edit {
            span,
            replacement: replacement.into(),
        }
    }
}

/// Applies non-overlapping edits. Edits that overlap an earlier one (in span order) are
/// skipped and returned, so a caller can apply them in a later pass.
pub fn apply(text: &str, edits: &[Edit]) -> (String, Vec<Edit>) {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut skipped = Vec::new();
    let mut at = 0;
    for e in sorted {
        let bad = e.span.start < at
            || e.span.end > text.len()
            || !text.is_char_boundary(e.span.start)
            || !text.is_char_boundary(e.span.end);
        if bad {
            skipped.push(e.clone());
            continue;
        }
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    (out, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_in_order_and_skips_overlaps() {
        let text = "hello world";
        let edits = [
            Edit::new(Span::new(6, 11), "there"),
            Edit::new(Span::new(0, 5), "HELLO"),
            Edit::new(Span::new(4, 7), "x"),
        ];
        let (out, skipped) = apply(text, &edits);
        assert_eq!(out, "HELLO there");
        assert_eq!(skipped.len(), 1);
    }
}
