//! The issues around the one being checked: what the recent ones link to, the previous
//! issue's number and date, and what the draft template says is boilerplate.

use crate::issue::Issue;
use jiff::civil::Date;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// What a check needs to know of another issue.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The file, as canonical as it could be made; identifies the issue.
    pub id: PathBuf,
    /// Display name.
    pub name: String,
    pub date: Option<Date>,
    pub number: Option<u32>,
    /// Normalised community links with the 1-based line they stand on.
    pub links: Vec<(String, usize)>,
}

impl Entry {
    pub fn from_issue(id: PathBuf, issue: &Issue, config: &crate::config::Config) -> Entry {
        let links = crate::lint::community_links(issue, config)
            .map(|l| {
                let line = issue.lines.line_of(l.dest_span.start);
                (crate::url::normalise(&l.dest), line)
            })
            .collect();
        Entry {
            id,
            name: issue.name.clone(),
            date: issue.effective_date(),
            number: issue.header.number(),
            links,
        }
    }
}

/// The archive's issues in date order, and the draft template.
#[derive(Debug, Default)]
pub struct History {
    entries: Vec<Entry>,
    template_lines: HashSet<String>,
    template_urls: HashSet<String>,
}

/// A link that appears in this many of the recent issues is boilerplate, not content.
const BOILERPLATE_SHARE: usize = 3;

impl History {
    /// `template` is the draft template's text, if the newsletter has one.
    pub fn new(mut entries: Vec<Entry>, template: Option<&str>) -> History {
        entries.sort_by(|a, b| (a.date, &a.name).cmp(&(b.date, &b.name)));
        let mut template_lines = HashSet::new();
        let mut template_urls = HashSet::new();
        if let Some(t) = template {
            for line in t.lines() {
                let line = line.trim();
                if !line.is_empty() && !line.contains("$twir_") {
                    template_lines.insert(line.to_string());
                }
            }
            let parsed = Issue::from_text("template", t);
            template_urls.extend(parsed.links.iter().map(|l| crate::url::normalise(&l.dest)));
        }
        History {
            entries,
            template_lines,
            template_urls,
        }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Up to `n` issues dated before `date`, newest first, other than `id`. With no
    /// date, the newest issues.
    pub fn recent_before(&self, id: &Path, date: Option<Date>, n: usize) -> Vec<&Entry> {
        // Entries are sorted by date (undated first), so the candidates are a prefix.
        let end = match date {
            Some(d) => self.entries.partition_point(|e| e.date < Some(d)),
            None => self.entries.len(),
        };
        self.entries[..end]
            .iter()
            .rev()
            .filter(|e| date.is_none() || e.date.is_some())
            // Byte comparison: `Path`'s component-wise equality is costly across an archive.
            .filter(|e| e.id.as_os_str() != id.as_os_str())
            .take(n)
            .collect()
    }

    /// The issue right before `date`.
    pub fn previous(&self, id: &Path, date: Option<Date>) -> Option<&Entry> {
        date?;
        self.recent_before(id, date, 1).into_iter().next()
    }

    /// Template links and links shared by several recent issues.
    pub fn boilerplate_urls(&self, recent: &[&Entry]) -> HashSet<String> {
        let mut count: HashMap<&str, usize> = HashMap::new();
        for e in recent {
            let unique: HashSet<&str> = e.links.iter().map(|(u, _)| u.as_str()).collect();
            for u in unique {
                *count.entry(u).or_default() += 1;
            }
        }
        let mut out = self.template_urls.clone();
        out.extend(
            count
                .into_iter()
                .filter(|&(_, c)| c >= BOILERPLATE_SHARE)
                .map(|(u, _)| u.to_string()),
        );
        out
    }

    pub fn template_lines(&self) -> &HashSet<String> {
        &self.template_lines
    }
}
