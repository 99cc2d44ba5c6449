//! What pulldown-cmark finds in an issue's body: headings, links, reference definitions,
//! code, raw HTML and stray backticks, each with its byte span.

use super::{HtmlTag, LinkKind, RefDef, Span};
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

/// A heading as pulldown-cmark sees it.
pub(super) struct RawHeading {
    pub level: u8,
    pub span: Span,
    pub title: String,
}

/// A link before it is attached to items and sections.
pub(super) struct RawLink {
    pub kind: LinkKind,
    pub span: Span,
    pub text_span: Span,
    pub dest: String,
    pub dest_span: Span,
}

#[derive(Default)]
pub(super) struct Inline {
    pub headings: Vec<RawHeading>,
    pub links: Vec<RawLink>,
    pub ref_defs: Vec<RefDef>,
    pub code_spans: Vec<Span>,
    pub code_blocks: Vec<Span>,
    pub html: Vec<HtmlTag>,
    pub stray_backticks: Vec<Span>,
}

/// Options matching Python-Markdown's `extra` as TWIR uses it.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES
}

/// Scans `text[body.start..body.end]`; spans are offsets into `text`.
pub(super) fn scan(text: &str, body: Span) -> Inline {
    let src = &text[body.start..body.end];
    let base = body.start;
    let mut out = Inline::default();
    let parser = Parser::new_ext(src, options());
    let mut heading: Option<RawHeading> = None;
    let mut code_block: Option<usize> = None;
    let mut iter = parser.into_offset_iter();
    for (event, range) in iter.by_ref() {
        let span = Span::from(range).shift(base);
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some(RawHeading {
                    level: level as u8,
                    span: trim_newline(text, span),
                    title: String::new(),
                });
            }
            Event::End(TagEnd::Heading(_)) => out.headings.extend(heading.take()),
            Event::Text(t) => {
                if let Some(h) = heading.as_mut() {
                    h.title.push_str(&t);
                }
                if code_block.is_none() && t.contains('`') {
                    let raw = span.slice(text);
                    // An escaped backtick (\`) is meant literally.
                    out.stray_backticks.extend(
                        raw.match_indices('`')
                            .filter(|(i, _)| !raw[..*i].ends_with('\\'))
                            .map(|(i, _)| Span::new(span.start + i, span.start + i + 1)),
                    );
                }
            }
            Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    h.title.push_str(&t);
                }
                out.code_spans.push(span);
            }
            Event::Start(Tag::CodeBlock(_)) => code_block = Some(span.start),
            Event::End(TagEnd::CodeBlock) => {
                if let Some(start) = code_block.take() {
                    out.code_blocks.push(Span::new(start, span.end));
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                if let Some(link) = raw_link(text, span, link_type, &dest_url) {
                    out.links.push(link);
                }
            }
            Event::Html(s) | Event::InlineHtml(s) => {
                tags(&s, span.start, &mut out.html);
            }
            _ => {}
        }
    }
    for (label, def) in iter.reference_definitions().iter() {
        let span = Span::from(def.span.clone()).shift(base);
        let raw = span.slice(text);
        let dest_span = raw
            .find("]:")
            .map(|i| {
                let after = &raw[i + 2..];
                let lead = after.len() - after.trim_start().len();
                let start = span.start + i + 2 + lead;
                let len = after.split_whitespace().next().map_or(0, str::len);
                Span::new(start, start + len)
            })
            .unwrap_or(span);
        out.ref_defs.push(RefDef {
            label: label.to_string(),
            dest: def.dest.to_string(),
            span: trim_newline(text, span),
            dest_span,
        });
    }
    out.ref_defs.sort_by_key(|d| d.span);
    // Reference links take their destination span from their definition.
    for link in &mut out.links {
        if link.kind == LinkKind::Reference
            && let Some(def) = out.ref_defs.iter().find(|d| d.dest == link.dest)
        {
            link.dest_span = def.dest_span;
        }
    }
    out
}

fn raw_link(text: &str, span: Span, link_type: LinkType, dest: &str) -> Option<RawLink> {
    let raw = span.slice(text);
    match link_type {
        LinkType::Autolink | LinkType::Email => {
            let inner = Span::new(
                span.start + 1,
                span.end.saturating_sub(1).max(span.start + 1),
            );
            Some(RawLink {
                kind: LinkKind::Autolink,
                span,
                text_span: inner,
                dest: dest.to_string(),
                dest_span: inner,
            })
        }
        LinkType::Inline => {
            let close = matching_bracket(raw)?;
            let text_span = Span::new(span.start + 1, span.start + close);
            let after = &raw[close + 1..];
            let after = after.strip_prefix('(')?;
            let lead = after.len() - after.trim_start().len();
            let mut start = span.start + close + 2 + lead;
            let body = after.trim_start();
            let (body, angle) = match body.strip_prefix('<') {
                Some(b) => (b, 1),
                None => (body, 0),
            };
            start += angle;
            let len = dest_len(body, angle == 1);
            Some(RawLink {
                kind: LinkKind::Inline,
                span,
                text_span,
                dest: dest.to_string(),
                dest_span: Span::new(start, start + len),
            })
        }
        _ => {
            let close = matching_bracket(raw).unwrap_or(raw.len().saturating_sub(1));
            Some(RawLink {
                kind: LinkKind::Reference,
                span,
                text_span: Span::new(span.start + 1, span.start + close.max(1)),
                dest: dest.to_string(),
                dest_span: span,
            })
        }
    }
}

/// Length of a raw link destination: up to white space or the closing parenthesis,
/// with balanced parentheses inside.
fn dest_len(s: &str, angle: bool) -> usize {
    if angle {
        return s.find('>').unwrap_or(s.len());
    }
    let mut depth = 0usize;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '(' => depth += 1,
            ')' if depth == 0 => return i,
            ')' => depth -= 1,
            c if c.is_whitespace() => return i,
            _ => {}
        }
    }
    s.len()
}

/// Index of the `]` closing the `[` at index 0, skipping escapes and code spans.
pub(crate) fn matching_bracket(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.first() != Some(&b'[') {
        return None;
    }
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'`' => {
                let run = b[i..].iter().take_while(|&&c| c == b'`').count();
                let fence = &s[i..i + run];
                match s[i + run..].find(fence) {
                    Some(j) => i += run + j + run - 1,
                    None => i += run - 1,
                }
            }
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Finds HTML tags (not comments) in raw HTML `s` starting at offset `base`.
fn tags(s: &str, base: usize, out: &mut Vec<HtmlTag>) {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(j) = s[i..].find('<') {
        let at = i + j;
        if s[at..].starts_with("<!--") {
            i = s[at..].find("-->").map_or(s.len(), |k| at + k + 3);
            continue;
        }
        let mut k = at + 1;
        let closing = b.get(k) == Some(&b'/');
        if closing {
            k += 1;
        }
        let name_start = k;
        while k < b.len() && (b[k].is_ascii_alphanumeric() || b[k] == b'-') {
            k += 1;
        }
        let starts_alpha = b.get(name_start).is_some_and(u8::is_ascii_alphabetic);
        if starts_alpha {
            let end = s[k..].find('>').map_or(s.len(), |e| k + e + 1);
            out.push(HtmlTag {
                span: Span::new(
                    base + at,
                    base + end.min(s[at..].find('\n').map_or(s.len(), |n| at + n)),
                ),
                name: s[name_start..k].to_ascii_lowercase(),
                closing,
            });
        }
        i = k.max(at + 1);
    }
}

fn trim_newline(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let trimmed = s.trim_end_matches(['\n', '\r']);
    Span::new(span.start, span.start + trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_all(s: &str) -> Inline {
        scan(s, Span::new(0, s.len()))
    }

    #[test]
    fn inline_link_spans() {
        let s = "* [A [nested] title](https://e.com/a_(b)) tail\n";
        let out = scan_all(s);
        let l = &out.links[0];
        assert_eq!(l.text_span.slice(s), "A [nested] title");
        assert_eq!(l.dest_span.slice(s), "https://e.com/a_(b)");
        assert_eq!(l.dest, "https://e.com/a_(b)");
    }

    #[test]
    fn reference_link_takes_definition_span() {
        let s = "See [here][x].\n\n[x]: https://e.com/x\n";
        let out = scan_all(s);
        assert_eq!(out.links[0].kind, LinkKind::Reference);
        assert_eq!(out.links[0].dest_span.slice(s), "https://e.com/x");
        assert_eq!(out.ref_defs[0].label, "x");
    }

    #[test]
    fn code_html_and_stray_backticks() {
        let s = "a `code` b ` c <T> <small>x</small>\n";
        let out = scan_all(s);
        assert_eq!(out.code_spans.len(), 1);
        assert_eq!(out.stray_backticks.len(), 1);
        let names: Vec<_> = out.html.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["t", "small", "small"]);
    }

    #[test]
    fn empty_link_is_a_link() {
        let out = scan_all("* []()\n");
        assert_eq!(out.links.len(), 1);
        assert_eq!(out.links[0].dest, "");
    }
}
