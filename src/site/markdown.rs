//! An issue's Markdown as HTML, as TWIR's Python-Markdown setup (`extra` + `toc`) made
//! it: tables, footnotes, fenced code, raw HTML, heading ids in `toc`'s form; then made
//! safe, since contributors' text is untrusted.

use super::slug;
use crate::issue::Issue;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// One heading, for the table of contents.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// A stretch of the body under one heading, as plain text: what the search index holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Section {
    /// The heading's id; empty for the text before the first heading.
    pub anchor: String,
    pub heading: String,
    pub text: String,
}

/// The body as HTML, its headings, its text by section, and what was removed as unsafe
/// (1-based line, what).
#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    pub sections: Vec<Section>,
    pub removed: Vec<(usize, String)>,
}

/// Renders the body of `issue` (the text after its header); `extra_tags` are HTML tags
/// the newsletter allows besides the built-in set.
pub fn render(issue: &Issue, extra_tags: &[String]) -> Rendered {
    let body = &issue.text[issue.body.start..];
    let base = issue.body.start;
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES;
    let mut out = Rendered::default();
    let mut ids = slug::Ids::default();
    let mut events: Vec<Event<'_>> = Vec::new();
    // Index in `events` of the open heading, and its text so far.
    let mut heading: Option<(usize, String)> = None;
    let mut section = Section::default();
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let line = issue.lines.line_of(base + range.start);
        match &event {
            Event::Start(Tag::Heading { .. }) => heading = Some((events.len(), String::new())),
            Event::Text(t) | Event::Code(t) => match &mut heading {
                Some((_, text)) => text.push_str(t),
                None => section.text.push_str(t),
            },
            Event::SoftBreak | Event::HardBreak if heading.is_none() => space(&mut section.text),
            Event::End(end) if heading.is_none() && ends_block(end) => space(&mut section.text),
            // A nested list's first item follows its parent's text without a break.
            Event::Start(Tag::Item | Tag::List(_)) => space(&mut section.text),
            Event::Html(h) | Event::InlineHtml(h) => {
                if let Some(what) = unsafe_html(h) {
                    out.removed.push((line, what));
                }
                // The words of a raw HTML block are text a reader sees.
                if matches!(event, Event::Html(_)) && heading.is_none() {
                    push_untagged(&mut section.text, h);
                }
            }
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. })
                if dangerous_url(dest_url) =>
            {
                out.removed
                    .push((line, format!("a `{}` link", scheme(dest_url))));
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some((at, text)) = heading.take() {
                    let id = ids.unique(&slug::heading(&text));
                    if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[at] {
                        *slot = Some(CowStr::from(id.clone()));
                    }
                    let title = text.trim().to_string();
                    let done = std::mem::replace(
                        &mut section,
                        Section {
                            anchor: id.clone(),
                            heading: title.clone(),
                            text: String::new(),
                        },
                    );
                    out.sections.push(done);
                    out.toc.push(TocEntry {
                        level: level_number(*level),
                        id,
                        title,
                    });
                }
            }
            _ => {}
        }
        events.push(event);
    }
    out.sections.push(section);
    for s in &mut out.sections {
        s.text.truncate(s.text.trim_end().len());
    }
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    // Highlighting runs on the sanitized page: its spans are ours, not a contributor's.
    out.html = super::highlight::code_blocks(&clean(&html, extra_tags));
    out
}

/// Separates words where a line or block ended.
fn space(text: &mut String) {
    if !text.is_empty() && !text.ends_with(' ') {
        text.push(' ');
    }
}

fn ends_block(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph
            | TagEnd::Item
            | TagEnd::TableCell
            | TagEnd::CodeBlock
            | TagEnd::BlockQuote(_)
            | TagEnd::FootnoteDefinition
    )
}

/// Appends the text of an HTML fragment, tags left out (entities as written).
fn push_untagged(out: &mut String, html: &str) {
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                space(out);
            }
            '\n' if !in_tag => space(out),
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The sanitizer every page and feed passes through: only the tags `twir check` allows,
/// no event handlers, no `javascript:` or `data:` links.
pub fn clean(html: &str, extra_tags: &[String]) -> String {
    let tags = crate::lint::rules::html_tag::ALLOWED
        .iter()
        .copied()
        .chain(extra_tags.iter().map(String::as_str))
        .collect();
    ammonia::Builder::default()
        .tags(tags)
        .add_generic_attributes(["id", "class", "title", "lang", "dir"])
        .add_tag_attributes("a", ["href", "name"])
        .add_tag_attributes("img", ["src", "alt", "width", "height"])
        .add_tag_attributes("td", ["align", "colspan", "rowspan"])
        .add_tag_attributes("th", ["align", "colspan", "rowspan"])
        .add_tag_attributes("ol", ["start"])
        .link_rel(None)
        .url_schemes(
            ["http", "https", "mailto", "irc", "ircs"]
                .into_iter()
                .collect(),
        )
        .clean(html)
        .to_string()
}

/// What in a raw HTML fragment will not reach the page, if anything.
fn unsafe_html(fragment: &str) -> Option<String> {
    let lower = fragment.to_ascii_lowercase();
    for tag in ["script", "iframe", "object", "embed", "style", "form"] {
        if lower.contains(&format!("<{tag}")) {
            return Some(format!("a `<{tag}>` tag"));
        }
    }
    if let Some(at) = lower.find(" on") {
        let name: String = lower[at + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        if name.len() > 2 && lower[at + 1 + name.len()..].trim_start().starts_with('=') {
            return Some(format!("an `{name}` event handler"));
        }
    }
    if lower.contains("javascript:") {
        return Some("a `javascript:` link".into());
    }
    None
}

fn dangerous_url(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| u.starts_with(s))
}

fn scheme(url: &str) -> String {
    url.trim()
        .split(':')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
        + ":"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(body: &str) -> Rendered {
        render(
            &Issue::from_text("t.md", &format!("Title: T\nDate: 2024-01-03\n\n{body}")),
            &[],
        )
    }

    #[test]
    fn headings_tables_footnotes_and_raw_html() {
        let r = html(
            "## Updates from Rust Community\n\n### Official\n\n### Official\n\n\
| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1] <small>small</small>\n\n[^1]: Note.\n",
        );
        assert!(
            r.html.contains("<h2 id=\"updates-from-rust-community\">"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<h3 id=\"official_1\">"));
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("<small>small</small>"));
        assert!(r.html.contains("footnote-definition"));
        assert_eq!(r.toc.len(), 3);
        assert!(r.removed.is_empty());
        let sections: Vec<(&str, &str)> = r
            .sections
            .iter()
            .map(|s| (s.anchor.as_str(), s.text.as_str()))
            .collect();
        assert_eq!(
            sections,
            [
                ("", ""),
                ("updates-from-rust-community", ""),
                ("official", ""),
                ("official_1", "a b 1 2 Text small Note."),
            ]
        );
    }

    #[test]
    fn section_text_keeps_words_apart() {
        let r = html("* [Meetup](https://e.com)\n    * [**Crafting**](https://e.com) x\n");
        assert_eq!(r.sections[0].text, "Meetup Crafting x");
    }

    #[test]
    fn unsafe_html_never_reaches_the_page() {
        let r = html(
            "Hi <script>alert(1)</script>\n\n<iframe src=\"https://e.com\"></iframe>\n\n\
<img src=\"x.png\" onerror=\"alert(1)\">\n\n[click](javascript:alert(1))\n",
        );
        for bad in ["<script", "alert(1)</", "<iframe", "onerror", "javascript:"] {
            assert!(!r.html.contains(bad), "{bad} in {}", r.html);
        }
        let lines: Vec<usize> = r.removed.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [4, 6, 8, 10], "{:?}", r.removed);
    }
}
