//! The issue model: one newsletter issue parsed into header, sections, list items, links,
//! comments and events, every node carrying the byte span it came from.
//!
//! Diagnostics point into [`Issue::text`] through these spans and fixes edit only the
//! bytes they cover, so everything else in the file stays identical.

pub mod edit;
pub mod header;
mod inline;
mod parse;
pub mod span;

pub use header::{Field, Header};
pub use span::{LineIndex, Span};

use crate::events::EventsSection;

/// What kind of file an issue came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Markdown (`.md`, `.markdown`, drafts of any name).
    Markdown,
    /// reStructuredText and other formats twir keeps as opaque text.
    Opaque,
}

/// A parsed issue.
#[derive(Clone, Debug)]
pub struct Issue {
    /// Display name (the path as the user gave it).
    pub name: String,
    /// The file's text; invalid UTF-8 was replaced, see [`Issue::invalid_utf8`].
    pub text: String,
    pub lines: LineIndex,
    pub kind: Kind,
    /// Byte offset of the first invalid UTF-8 sequence in the file, if any.
    pub invalid_utf8: Option<usize>,
    pub header: Header,
    /// Everything after the header.
    pub body: Span,
    pub headings: Vec<Heading>,
    pub sections: Vec<Section>,
    pub items: Vec<ListItem>,
    pub links: Vec<Link>,
    pub ref_defs: Vec<RefDef>,
    pub comments: Vec<Comment>,
    /// Inline code spans, backticks included.
    pub code_spans: Vec<Span>,
    /// Fenced and indented code blocks.
    pub code_blocks: Vec<Span>,
    /// Raw HTML tags (comments excluded).
    pub html: Vec<HtmlTag>,
    /// Backticks that opened no code span.
    pub stray_backticks: Vec<Span>,
    pub events: Option<EventsSection>,
    pub merged_prs: Option<MergedPrs>,
}

/// A heading line (`## Title`) outside comments and code.
#[derive(Clone, Debug)]
pub struct Heading {
    pub level: u8,
    /// The whole heading line.
    pub span: Span,
    /// The heading's text as a reader sees it (links reduced to their text).
    pub title: String,
}

/// A heading with everything under it up to the next heading of the same or a higher level.
#[derive(Clone, Debug)]
pub struct Section {
    pub heading: usize,
    pub level: u8,
    pub title: String,
    /// From the heading line to the end of the section, subsections included.
    pub span: Span,
    /// The section's own content: after the heading line, up to its first subsection.
    pub own: Span,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
}

/// A list item (`* ...`, `- ...`, `1. ...`) outside comments and code.
#[derive(Clone, Debug)]
pub struct ListItem {
    /// From the indentation to the end of the item's last continuation line.
    pub span: Span,
    /// The item's first line.
    pub line_span: Span,
    /// The marker (`*`, `-`, `+`, `1.`).
    pub marker: Span,
    /// Text after the marker, continuation lines included.
    pub content: Span,
    /// Columns of indentation before the marker.
    pub indent: usize,
    pub parent: Option<usize>,
    /// Whether a blank line stands right before the item.
    pub blank_before: bool,
    /// `[video]`, `[ZH]`, `[disposition: merge]` and other bracketed prefixes, in order.
    pub prefixes: Vec<Prefix>,
    /// Innermost section the item is in.
    pub section: Option<usize>,
}

/// A bracketed prefix of a list item, such as `[video]`.
#[derive(Clone, Debug)]
pub struct Prefix {
    /// The text between the brackets.
    pub text: String,
    /// The prefix with its brackets.
    pub span: Span,
}

/// How a link is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// `[text](url)`
    Inline,
    /// `[text][label]`, `[text][]` or `[label]`
    Reference,
    /// `<https://...>`
    Autolink,
}

/// A link a reader can follow.
#[derive(Clone, Debug)]
pub struct Link {
    pub kind: LinkKind,
    /// The whole link in the source.
    pub span: Span,
    /// The link text without its brackets.
    pub text_span: Span,
    /// The destination as written (reference links: from the definition).
    pub dest: String,
    /// Where the destination is written: in the link itself or in its definition.
    pub dest_span: Span,
    /// Innermost list item holding the link.
    pub item: Option<usize>,
    /// Innermost section holding the link.
    pub section: Option<usize>,
    /// Whether the link is part of a heading line.
    pub in_heading: bool,
}

/// A reference definition, `[label]: url`.
#[derive(Clone, Debug)]
pub struct RefDef {
    pub label: String,
    pub dest: String,
    pub span: Span,
    pub dest_span: Span,
}

/// An HTML comment, `<!-- ... -->`.
#[derive(Clone, Debug)]
pub struct Comment {
    pub span: Span,
    /// Whether a `-->` ends it; an unclosed one runs to the end of the file.
    pub closed: bool,
}

/// A raw HTML tag in the text.
#[derive(Clone, Debug)]
pub struct HtmlTag {
    pub span: Span,
    pub name: String,
    pub closing: bool,
}

/// The "N pull requests were merged in the last week" block.
#[derive(Clone, Debug)]
pub struct MergedPrs {
    pub count: Option<u32>,
    /// The sentence that carries the count.
    pub span: Span,
    /// The search link's destination, when the block has one.
    pub search_url: Option<String>,
}

impl Issue {
    /// Parses `bytes` read from `name`. Never fails: problems become parts of the model
    /// (for example [`Issue::invalid_utf8`]) for lints to report.
    pub fn parse(name: impl Into<String>, bytes: &[u8]) -> Issue {
        parse::parse(name.into(), bytes, false)
    }

    /// Parses text that is known to be UTF-8.
    pub fn from_text(name: impl Into<String>, text: &str) -> Issue {
        parse::parse(name.into(), text.as_bytes(), false)
    }

    /// Parses `text` as Markdown whatever the file name says.
    pub fn from_markdown(name: impl Into<String>, text: &str) -> Issue {
        parse::parse(name.into(), text.as_bytes(), true)
    }

    /// 1-based line and column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(&self.text, offset)
    }

    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The issue date from the header.
    pub fn date(&self) -> Option<jiff::civil::Date> {
        self.header.date()
    }

    /// The header's date, else the date in the file name.
    pub fn effective_date(&self) -> Option<jiff::civil::Date> {
        self.date().or_else(|| {
            let file = std::path::Path::new(&self.name).file_name()?.to_str()?;
            header::date_in_file_name(file)
        })
    }

    /// Whether `offset` lies inside an HTML comment.
    pub fn in_comment(&self, offset: usize) -> bool {
        span::any_contains(&self.comments, |c| c.span, offset)
    }

    /// Whether `offset` lies inside inline code or a code block.
    pub fn in_code(&self, offset: usize) -> bool {
        span::any_contains(&self.code_spans, |s| *s, offset)
            || span::any_contains(&self.code_blocks, |s| *s, offset)
    }

    /// Whether `offset` lies inside a link, a reference definition or an HTML tag.
    pub fn in_link_or_tag(&self, offset: usize) -> bool {
        span::any_contains(&self.links, |l| l.span, offset)
            || span::any_contains(&self.ref_defs, |d| d.span, offset)
            || span::any_contains(&self.html, |t| t.span, offset)
    }

    /// Innermost section containing `offset`.
    pub fn section_at(&self, offset: usize) -> Option<usize> {
        // Sections are in document order and nest; the last one starting at or before
        // `offset`, or its nearest ancestor that still reaches it, is the innermost.
        let after = self.sections.partition_point(|s| s.span.start <= offset);
        let mut at = after.checked_sub(1);
        while let Some(i) = at {
            if self.sections[i].span.contains(offset) {
                return Some(i);
            }
            at = self.sections[i].parent;
        }
        None
    }

    /// The first section whose title matches `title` (case-insensitive).
    pub fn section_named(&self, title: &str) -> Option<usize> {
        self.sections
            .iter()
            .position(|s| s.title.trim().eq_ignore_ascii_case(title))
    }

    /// Whether the section (or one of its ancestors) is titled `title`.
    pub fn within_section(&self, mut section: Option<usize>, title: &str) -> bool {
        while let Some(i) = section {
            if self.sections[i].title.trim().eq_ignore_ascii_case(title) {
                return true;
            }
            section = self.sections[i].parent;
        }
        false
    }

    /// The top-level (`##` or `#`) section an offset belongs to.
    pub fn top_section(&self, offset: usize) -> Option<usize> {
        let mut s = self.section_at(offset)?;
        while let Some(p) = self.sections[s].parent {
            s = p;
        }
        Some(s)
    }

    /// Whether the issue has the structure of a modern TWIR issue (2021 on): sections
    /// such as "Updates from Rust Community". Structure lints apply only then.
    pub fn is_modern(&self) -> bool {
        self.kind == Kind::Markdown && self.sections.iter().any(|s| s.level == 2)
    }
}
