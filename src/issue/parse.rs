//! Builds an [`Issue`] from bytes: decoding, header, comments, sections and list items
//! (read line by line, as Python-Markdown does), then links placed in their items.

use super::inline;
use super::{
    Comment, Heading, Issue, Kind, LineIndex, Link, ListItem, MergedPrs, Prefix, Section, Span,
    header,
};

/// Parses `bytes`; a `.rst` name is kept opaque unless `markdown` says the text is
/// Markdown whatever its name (an `.rst` article converted for the site).
pub(super) fn parse(name: String, bytes: &[u8], markdown: bool) -> Issue {
    let (text, invalid_utf8) = match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        Err(e) => (
            String::from_utf8_lossy(bytes).into_owned(),
            Some(e.valid_up_to()),
        ),
    };
    let kind = if name.ends_with(".rst") && !markdown {
        Kind::Opaque
    } else {
        Kind::Markdown
    };
    let lines = LineIndex::new(&text);
    let mut issue = Issue {
        name,
        lines,
        kind,
        invalid_utf8,
        header: Default::default(),
        body: Span::new(0, text.len()),
        headings: Vec::new(),
        sections: Vec::new(),
        items: Vec::new(),
        links: Vec::new(),
        ref_defs: Vec::new(),
        comments: Vec::new(),
        code_spans: Vec::new(),
        code_blocks: Vec::new(),
        html: Vec::new(),
        stray_backticks: Vec::new(),
        events: None,
        merged_prs: None,
        text,
    };
    if kind == Kind::Opaque {
        return issue;
    }
    issue.header = header::parse(&issue.text);
    issue.body = Span::new(issue.header.span.end, issue.text.len());

    let found = inline::scan(&issue.text, issue.body);
    issue.code_spans = found.code_spans;
    issue.code_blocks = found.code_blocks;
    issue.comments = comments(
        &issue.text,
        issue.body,
        &issue.code_blocks,
        &issue.code_spans,
    );
    // Comment blocks reach us line by line, so tags inside them are dropped here.
    issue.html = found
        .html
        .into_iter()
        .filter(|t| !issue.comments.iter().any(|c| c.span.contains(t.span.start)))
        .collect();
    issue.ref_defs = found.ref_defs;
    issue.stray_backticks = found.stray_backticks;
    issue.headings = found
        .headings
        .into_iter()
        .map(|h| Heading {
            level: h.level,
            span: h.span,
            title: h.title.trim().to_string(),
        })
        .collect();
    issue.sections = sections(&issue.headings, issue.text.len(), &issue.text);
    issue.items = list_items(&issue);
    for item in 0..issue.items.len() {
        issue.items[item].section = issue.section_at(issue.items[item].span.start);
    }
    let mut links = Vec::with_capacity(found.links.len());
    for raw in found.links {
        let item = innermost_item(&issue.items, raw.span.start);
        links.push(Link {
            kind: raw.kind,
            span: raw.span,
            text_span: raw.text_span,
            dest: raw.dest,
            dest_span: raw.dest_span,
            item,
            section: issue.section_at(raw.span.start),
            in_heading: issue
                .headings
                .iter()
                .any(|h| h.span.contains(raw.span.start)),
        });
    }
    issue.links = links;
    issue.merged_prs = merged_prs(&issue);
    issue.events = crate::events::EventsSection::parse(&issue);
    issue
}

/// HTML comments in the body, outside code. An unclosed one runs to the end of the file.
fn comments(text: &str, body: Span, blocks: &[Span], spans: &[Span]) -> Vec<Comment> {
    let mut out = Vec::new();
    let mut i = body.start;
    while let Some(j) = text[i..body.end].find("<!--") {
        let start = i + j;
        if blocks.iter().chain(spans).any(|c| c.contains(start)) {
            i = start + 4;
            continue;
        }
        match text[start + 4..body.end].find("-->") {
            Some(k) => {
                let end = start + 4 + k + 3;
                out.push(Comment {
                    span: Span::new(start, end),
                    closed: true,
                });
                i = end;
            }
            None => {
                out.push(Comment {
                    span: Span::new(start, body.end),
                    closed: false,
                });
                break;
            }
        }
    }
    out
}

fn sections(headings: &[Heading], end: usize, text: &str) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::with_capacity(headings.len());
    for (i, h) in headings.iter().enumerate() {
        let section_end = headings[i + 1..]
            .iter()
            .find(|n| n.level <= h.level)
            .map_or(end, |n| n.span.start);
        let own_end = headings
            .get(i + 1)
            .map_or(end, |n| n.span.start)
            .min(section_end);
        let own_start = (h.span.end + 1).min(own_end).max(h.span.end);
        let parent = (0..i)
            .rev()
            .find(|&p| headings[p].level < h.level && out[p].span.end >= section_end);
        out.push(Section {
            heading: i,
            level: h.level,
            title: strip_markup(&h.title),
            span: Span::new(h.span.start, section_end),
            own: Span::new(own_start.min(text.len()), own_end),
            parent,
            children: Vec::new(),
        });
        if let Some(p) = parent {
            out[p].children.push(i);
        }
    }
    out
}

fn strip_markup(title: &str) -> String {
    title.replace(['*', '_'], "").trim().to_string()
}

/// The list items of the body, read line by line outside comments and code blocks.
fn list_items(issue: &Issue) -> Vec<ListItem> {
    let text = &issue.text;
    let mut items: Vec<ListItem> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut prev_blank = false;
    // The item that the current paragraph line continues, if any.
    let mut open: Option<usize> = None;
    let first = issue.lines.line_of(issue.body.start);
    for line_no in first..=issue.lines.line_count() {
        let span = issue.lines.line_span(text, line_no);
        if span.start < issue.body.start {
            continue;
        }
        let line = span.slice(text);
        if issue.in_comment(span.start)
            || issue.code_blocks.iter().any(|b| b.contains(span.start))
            || line.trim_start().starts_with("<!--")
        {
            open = None;
            prev_blank = false;
            continue;
        }
        if line.trim().is_empty() {
            prev_blank = true;
            open = None;
            continue;
        }
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let columns: usize = line[..indent]
            .chars()
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum();
        let rest = &line[indent..];
        match marker_len(rest) {
            Some(m) if !is_rule(rest) => {
                while stack.last().is_some_and(|&t| items[t].indent >= columns) {
                    stack.pop();
                }
                let marker = Span::new(span.start + indent, span.start + indent + m);
                let after = &rest[m..];
                let content_start = marker.end + (after.len() - after.trim_start().len());
                let idx = items.len();
                items.push(ListItem {
                    span,
                    line_span: span,
                    marker,
                    content: Span::new(content_start.min(span.end), span.end),
                    indent: columns,
                    parent: stack.last().copied(),
                    blank_before: prev_blank,
                    prefixes: prefixes(text, content_start.min(span.end), span.end),
                    section: None,
                });
                stack.push(idx);
                open = Some(idx);
            }
            _ => {
                let is_block =
                    rest.starts_with('#') || rest.starts_with('>') || rest.starts_with('|');
                match open {
                    // A continuation line of the item above (lazy or indented).
                    Some(i) if !is_block => {
                        items[i].span.end = span.end;
                        items[i].content.end = span.end;
                    }
                    _ => {
                        if columns == 0 {
                            stack.clear();
                        }
                        open = None;
                    }
                }
            }
        }
        prev_blank = false;
    }
    items
}

/// Length of a list marker with the space after it (`* `, `- `, `1. `), or `Some` for a
/// bare marker ending the line (an empty item).
fn marker_len(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let m = match b.first()? {
        b'*' | b'-' | b'+' => 1,
        b'0'..=b'9' => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            match b.get(digits) {
                Some(b'.') | Some(b')') if digits <= 9 => digits + 1,
                _ => return None,
            }
        }
        _ => return None,
    };
    match b.get(m) {
        None => Some(m),
        Some(b' ') | Some(b'\t') => Some(m),
        _ => None,
    }
}

/// `***`, `- - -`, `___`: a thematic break, not an item.
fn is_rule(rest: &str) -> bool {
    let s: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    s.len() >= 3 && (s.chars().all(|c| c == '*') || s.chars().all(|c| c == '-'))
}

/// Bracketed prefixes at the start of an item's text, e.g. `[video] [ZH]`.
fn prefixes(text: &str, start: usize, end: usize) -> Vec<Prefix> {
    let mut out = Vec::new();
    let mut at = start;
    loop {
        let rest = &text[at..end];
        let Some(close) = inline::matching_bracket(rest) else {
            break;
        };
        let after = &rest[close + 1..];
        // `[x](` or `[x][` is a link, not a prefix.
        if after.starts_with('(') || after.starts_with('[') || close > 40 {
            break;
        }
        let inner = &rest[1..close];
        if inner.contains(['[', ']', '(']) || inner.starts_with('*') {
            break;
        }
        out.push(Prefix {
            text: inner.to_string(),
            span: Span::new(at, at + close + 1),
        });
        at += close + 1 + (after.len() - after.trim_start().len());
    }
    out
}

/// The innermost item containing `offset`. Items are in source order and a nested item
/// starts inside its parent, so it is the last item starting at or before `offset`, or
/// one of that item's ancestors.
fn innermost_item(items: &[ListItem], offset: usize) -> Option<usize> {
    let mut i = items
        .partition_point(|it| it.span.start <= offset)
        .checked_sub(1)?;
    loop {
        if items[i].span.contains(offset) {
            return Some(i);
        }
        i = items[i].parent?;
    }
}

/// The "N pull requests were merged in the last week" sentence and its search link.
fn merged_prs(issue: &Issue) -> Option<MergedPrs> {
    let text = &issue.text;
    let at = text[issue.body.start..].find(" pull requests were ")? + issue.body.start;
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let count = text[line_start..at].trim().parse().ok();
    let search_url = issue
        .links
        .iter()
        .find(|l| l.span.start >= line_start && l.span.start < line_end)
        .map(|l| l.dest.clone());
    Some(MergedPrs {
        count,
        span: Span::new(line_start, line_end),
        search_url,
    })
}

#[cfg(test)]
mod tests {
    use super::super::Issue;

    const SAMPLE: &str = "Title: This Week in Rust 7\nNumber: 7\nDate: 2024-01-03\nCategory: This Week in Rust\n\n\
Intro [Rust](https://www.rust-lang.org/).\n\n\
## Updates from Rust Community\n\n<!-- instructions\n* [not](https://an.item)\n-->\n\n\
### Official\n* [video] [ZH] [A post](https://e.com/post)\n    * [nested](https://e.com/n)\n\n\
### Foundation\n\n\
## Updates from the Rust Project\n\n\
12 pull requests were [merged in the last week][merged]\n\n\
[merged]: https://github.com/search?q=is%3Apr\n";

    #[test]
    fn builds_sections_items_links() {
        let issue = Issue::from_text("t.md", SAMPLE);
        let titles: Vec<_> = issue.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Updates from Rust Community",
                "Official",
                "Foundation",
                "Updates from the Rust Project"
            ]
        );
        assert_eq!(issue.sections[1].parent, Some(0));
        assert_eq!(issue.sections[0].children, [1, 2]);
        assert_eq!(
            issue.items.len(),
            2,
            "the item inside the comment is not an item"
        );
        let top = &issue.items[0];
        let prefixes: Vec<_> = top.prefixes.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(prefixes, ["video", "ZH"]);
        assert_eq!(issue.items[1].parent, Some(0));
        let post = issue
            .links
            .iter()
            .find(|l| l.dest == "https://e.com/post")
            .unwrap();
        assert_eq!(post.item, Some(0));
        assert_eq!(post.section, Some(1));
        let mp = issue.merged_prs.as_ref().unwrap();
        assert_eq!(mp.count, Some(12));
        assert_eq!(
            mp.search_url.as_deref(),
            Some("https://github.com/search?q=is%3Apr")
        );
        assert_eq!(issue.comments.len(), 1);
    }

    #[test]
    fn unclosed_comment_runs_to_the_end() {
        let issue = Issue::from_text("t.md", "Title: x\n\n## A\n<!-- oops >\n## B\n");
        assert_eq!(issue.comments.len(), 1);
        assert!(!issue.comments[0].closed);
        assert_eq!(
            issue.headings.len(),
            1,
            "pulldown-cmark agrees: B is swallowed"
        );
    }

    #[test]
    fn invalid_utf8_is_recorded() {
        let issue = Issue::parse("t.md", b"Title: x\n\nbad \xff byte\n");
        assert_eq!(issue.invalid_utf8, Some(14));
    }
}
