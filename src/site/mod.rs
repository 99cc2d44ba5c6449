//! The website: every published issue, page and image as the old Pelican site laid them
//! out (same URLs), with feeds, a sitemap, search and an email edition.
//!
//! [`collect`] reads sources into a [`Site`]; [`render`] turns it into files (pure);
//! [`output`] writes them so that a failed build never leaves a half-replaced site.

pub mod cache;
pub mod collect;
pub mod email;
pub mod highlight;
pub mod markdown;
pub mod output;
pub mod preview;
pub mod render;
pub mod rst;
pub mod search;
pub mod slug;
pub mod theme;

use crate::config::Config;
use crate::issue::Issue;
use jiff::civil::Date;
use std::path::{Path, PathBuf};

/// One issue (or the archive's odd article) ready to publish.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Article {
    pub source: PathBuf,
    pub title: String,
    pub slug: String,
    pub date: Date,
    /// `Modified:` when it is later than the date.
    pub modified: Option<Date>,
    pub number: Option<u32>,
    pub category: String,
    /// `Author:`, else the site's author (as Pelican's `AUTHOR`).
    pub author: String,
    /// `Tags:`, comma-separated (issues of 2013 have them).
    pub tags: Vec<String>,
    pub html: String,
    pub toc: Vec<markdown::TocEntry>,
    /// The text by section, for the search index.
    pub sections: std::sync::Arc<[markdown::Section]>,
    pub summary: String,
    /// What is in the issue, in a line (see [`gist`]).
    pub gist: String,
    /// A draft shown by `--drafts` and `serve`, with its `twir check` findings.
    pub draft: Option<Vec<String>>,
}

impl Article {
    /// Path from the site root, as Pelican's `ARTICLE_URL` of TWIR
    /// (`blog/2024/11/13/this-week-in-rust-573/`); drafts live under `drafts/`.
    pub fn url(&self) -> String {
        if self.draft.is_some() {
            return format!("drafts/{}/", self.slug);
        }
        format!(
            "blog/{:04}/{:02}/{:02}/{}/",
            self.date.year(),
            self.date.month(),
            self.date.day(),
            self.slug
        )
    }
}

/// A static page (`content/pages/*.md`), at `pages/<slug>.html`.
#[derive(Clone, Debug)]
pub struct Page {
    pub source: PathBuf,
    pub title: String,
    pub slug: String,
    pub html: String,
}

impl Page {
    pub fn url(&self) -> String {
        format!("pages/{}.html", self.slug)
    }
}

/// Everything to publish.
#[derive(Debug, Default)]
pub struct Site {
    /// Newest first.
    pub articles: Vec<Article>,
    pub pages: Vec<Page>,
    /// Files copied as they are (images), relative to the content folder.
    pub assets: Vec<PathBuf>,
    /// Built with the drafts (`--drafts`, `serve --drafts`): `/drafts/` lists them.
    pub with_drafts: bool,
}

/// A problem in the sources that did not stop the build: `file:line: message`.
pub type Warning = String;

/// Reads an issue file into an article. `None` (with a warning) when it has no date.
/// `extra_tags` are HTML tags the newsletter allows besides the built-in set.
pub fn article(
    path: &Path,
    shown: &str,
    bytes: &[u8],
    config: &Config,
) -> (Option<Article>, Vec<Warning>) {
    let extra_tags = &config.check.html_tags;
    let mut warnings = Vec::new();
    let is_rst = path.extension().is_some_and(|e| e == "rst");
    let issue = if is_rst {
        warnings.push(format!(
            "{shown}: reStructuredText is rendered from a small subset (titles, fields, links, lists, literal blocks)"
        ));
        Issue::from_markdown(shown, &rst::to_markdown(&String::from_utf8_lossy(bytes)))
    } else {
        let issue = Issue::parse(shown, bytes);
        if let Some(at) = issue.invalid_utf8 {
            warnings.push(format!(
                "{shown}:{}: not valid UTF-8; shown with replacement characters",
                issue.lines.line_of(at)
            ));
        }
        issue
    };
    if let Some(blank) = issue.header.blank_inside {
        warnings.push(format!(
            "{shown}:{}: a blank line splits the header; the fields after it are used (Pelican showed them as text)",
            issue.lines.line_of(blank.start)
        ));
    }
    let title = issue
        .header
        .value("Title")
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from);
    let Some(title) = title else {
        warnings.push(format!("{shown}: no `Title:`; not published"));
        return (None, warnings);
    };
    let Some(date) = issue.effective_date() else {
        warnings.push(format!("{shown}: no readable `Date:`; not published"));
        return (None, warnings);
    };
    if let Some(raw) = issue.header.value("Date")
        && raw.trim().get(..10).and_then(|d| d.parse::<Date>().ok()) != Some(date)
    {
        warnings.push(format!("{shown}: `Date: {}` read as {date}", raw.trim()));
    }
    let rendered = markdown::render(&issue, extra_tags);
    for (line, what) in &rendered.removed {
        warnings.push(format!("{shown}:{line}: {what} removed: unsafe in a page"));
    }
    let slug = issue
        .header
        .value("Slug")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| slug::pelican(&title));
    let modified = issue
        .header
        .value("Modified")
        .and_then(crate::issue::header::parse_date)
        .filter(|m| *m > date);
    let article = Article {
        source: path.to_path_buf(),
        summary: summary(&rendered.html),
        title,
        slug,
        date,
        modified,
        number: issue.header.number(),
        category: issue
            .header
            .value("Category")
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .unwrap_or_else(|| "misc".into()),
        author: issue
            .header
            .value("Author")
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .unwrap_or_else(|| config.site.author.clone()),
        tags: issue
            .header
            .value("Tags")
            .map(|t| {
                t.split(',')
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
        html: rendered.html,
        toc: rendered.toc,
        sections: rendered.sections.into(),
        gist: gist(&issue, config),
        draft: None,
    };
    (Some(article), warnings)
}

/// What is in an issue, in a line: its Crate of the Week and its first community
/// headlines, for the index and archive pages (every issue opens with the same words, so
/// the first paragraph tells a reader nothing).
fn gist(issue: &Issue, config: &Config) -> String {
    let text = |l: &crate::issue::Link| {
        let t = issue.slice(l.text_span).replace(['*', '`'], "");
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        t.trim_matches(|c: char| c == '[' || c == ']').to_string()
    };
    let mut parts = Vec::new();
    let crate_of_the_week = issue.section_named("Crate of the Week").and_then(|s| {
        let span = issue.sections[s].span;
        issue
            .links
            .iter()
            .filter(|l| span.contains(l.span.start) && !l.in_heading)
            // The section's fixed lines link to the nomination thread.
            .find(|l| !l.dest.contains("users.rust-lang.org") && !l.dest.starts_with('#'))
            .map(text)
    });
    if let Some(c) = crate_of_the_week.filter(|c| !c.is_empty()) {
        parts.push(format!("Crate of the Week: {c}"));
    }
    parts.extend(
        crate::lint::community_links(issue, config)
            .map(text)
            .filter(|t| !t.is_empty())
            .take(3),
    );
    let line = parts.join(" · ");
    match line.char_indices().nth(220) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line,
    }
}

/// The first paragraph as plain text, for descriptions and feed summaries.
fn summary(html: &str) -> String {
    let Some(start) = html.find("<p>") else {
        return String::new();
    };
    let end = html[start..].find("</p>").map_or(html.len(), |e| start + e);
    let mut text = String::new();
    let mut in_tag = false;
    for c in html[start + 3..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match text.char_indices().nth(200) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text,
    }
}

/// Reads a static page.
pub fn page(
    path: &Path,
    shown: &str,
    bytes: &[u8],
    extra_tags: &[String],
) -> (Option<Page>, Vec<Warning>) {
    let issue = Issue::parse(shown, bytes);
    let Some(title) = issue.header.value("Title").map(|t| t.trim().to_string()) else {
        return (None, vec![format!("{shown}: no `Title:`; not published")]);
    };
    let rendered = markdown::render(&issue, extra_tags);
    let warnings = rendered
        .removed
        .iter()
        .map(|(line, what)| format!("{shown}:{line}: {what} removed: unsafe in a page"))
        .collect();
    let slug = issue
        .header
        .value("Slug")
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|| slug::pelican(&title));
    (
        Some(Page {
            source: path.to_path_buf(),
            title,
            slug,
            html: rendered.html,
        }),
        warnings,
    )
}

/// Whether a file in the content folder is an issue.
pub fn is_issue_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e, "md" | "markdown" | "rst"))
}

/// Sorts newest first (ties by slug, so the order is stable) and drops the second of two
/// articles at one URL, with a warning.
pub fn arrange(articles: &mut Vec<Article>, warnings: &mut Vec<Warning>) {
    articles.sort_by(|a, b| (b.date, &b.slug).cmp(&(a.date, &a.slug)));
    let mut seen = std::collections::HashSet::new();
    articles.retain(|a| {
        let fresh = seen.insert(a.url());
        if !fresh {
            warnings.push(format!(
                "{}: another issue has the URL /{}; not published",
                a.source.display(),
                a.url()
            ));
        }
        fresh
    });
}

/// The site's settings as templates see them.
#[derive(Clone, Debug, serde::Serialize)]
pub struct SiteInfo {
    pub name: String,
    pub url: String,
    pub description: String,
    pub author: String,
    pub lang: String,
}

impl SiteInfo {
    pub fn new(config: &Config) -> SiteInfo {
        SiteInfo {
            name: config.newsletter.name.clone(),
            url: config.site.url.trim_end_matches('/').to_string(),
            description: config.site.description.clone(),
            author: config.site.author.clone(),
            lang: config.site.lang.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_metadata_and_url() {
        let text = "Title: This Week in Rust 573\nNumber: 573\nDate: 2024-11-13\nCategory: This Week in Rust\n\n\
Hello and *welcome*.\n\n## Updates from Rust Community\n";
        let (a, w) = article(
            Path::new("c/2024-11-13-x.md"),
            "x.md",
            text.as_bytes(),
            &Config::default(),
        );
        let a = a.unwrap();
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(a.url(), "blog/2024/11/13/this-week-in-rust-573/");
        assert_eq!(a.summary, "Hello and welcome.");
        assert_eq!(a.toc[0].id, "updates-from-rust-community");
    }

    #[test]
    fn archive_quirks_warn() {
        let (a, w) = article(
            Path::new("2020-12-02-x.md"),
            "x.md",
            b"Title: T\nDate: 2020-12-2\n\nCategory: This Week in Rust\n\nBody\n",
            &Config::default(),
        );
        let a = a.unwrap();
        assert_eq!(a.date, jiff::civil::date(2020, 12, 2));
        assert_eq!(a.category, "This Week in Rust");
        assert_eq!(w.len(), 2, "{w:?}");
        let (none, w) = article(
            Path::new("x.md"),
            "x.md",
            b"Body only\n",
            &Config::default(),
        );
        assert!(none.is_none() && w[0].contains("no `Title:`"));
    }
}
