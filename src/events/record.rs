//! One event as gathered from any source (a calendar, a Meetup export, the draft itself),
//! before it is placed in the events list, and how it is written in TWIR's two-line form.

use super::Region;
use super::location::{self, Location};
use crate::config::HYBRID_FORMS;
use crate::issue::Issue;
use jiff::civil::Date;
use std::fmt::Write as _;

/// A link as text and destination.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub text: String,
    pub url: String,
}

/// Where a record came from, for messages: a source name and a 1-based line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub source: String,
    pub line: Option<usize>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.source),
            None => f.write_str(&self.source),
        }
    }
}

/// The markdown an editor wrote for an event's organizer field and title lines; kept so a
/// refresh never rewords what was written by hand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub organizers: String,
    pub titles: Vec<String>,
}

/// One event.
#[derive(Clone, Debug)]
pub struct Record {
    pub start: Date,
    /// Last day; equal to `start` for a one-day event.
    pub end: Date,
    /// The location as the source wrote it.
    pub raw_location: String,
    /// The location in TWIR's form, when it could be made out.
    pub location: Option<Location>,
    pub organizers: Vec<Link>,
    /// Event titles (without the bold markers) and their pages.
    pub titles: Vec<Link>,
    pub written: Option<Written>,
    /// The region heading the event stood under in the draft.
    pub listed_under: Option<Region>,
    pub origin: Origin,
}

impl Record {
    /// The region heading the event belongs under: where the editor put it when that
    /// fits its location (hybrid events may stand under Virtual), else its home region.
    pub fn region(&self) -> Option<Region> {
        match (&self.location, self.listed_under) {
            (Some(loc), Some(r)) if loc.fits_listing(r) => Some(r),
            (Some(loc), _) => loc.home_region(),
            (None, r) => r,
        }
    }

    /// The location as it is printed, hybrid events spelled with `hybrid`.
    pub fn location_text(&self, hybrid: &str) -> String {
        match &self.location {
            // An editor's accepted spelling stays as written.
            Some(l)
                if HYBRID_FORMS
                    .iter()
                    .any(|h| l.format(h) == self.raw_location) =>
            {
                self.raw_location.clone()
            }
            Some(l) => l.format(hybrid),
            None => self.raw_location.clone(),
        }
    }

    /// Date, then location, case-insensitively: the order within a region.
    pub fn sort_key(&self, hybrid: &str) -> (Date, String) {
        (self.start, self.location_text(hybrid).to_lowercase())
    }

    /// How much the record says; of two records of one event the richer one is kept.
    pub fn richness(&self) -> usize {
        usize::from(self.location.is_some()) * 4
            + self.organizers.iter().filter(|l| !l.url.is_empty()).count() * 2
            + self.titles.iter().filter(|l| !l.url.is_empty()).count() * 2
            + usize::from(self.written.is_some())
    }

    /// The two lines (or more, with several title lines) of the event.
    pub fn render(&self, hybrid: &str) -> String {
        let mut out = String::new();
        let date = if self.end > self.start {
            format!("{} - {}", self.start, self.end)
        } else {
            self.start.to_string()
        };
        let (organizers, titles) = match &self.written {
            Some(w) => (w.organizers.clone(), w.titles.clone()),
            None => {
                let organizers = self
                    .organizers
                    .iter()
                    .map(|l| link(&escape(&l.text), &l.url))
                    .collect::<Vec<_>>()
                    .join(" | ");
                let titles = self
                    .titles
                    .iter()
                    .map(|l| link(&format!("**{}**", escape(&l.text)), &l.url))
                    .collect::<Vec<_>>()
                    .join(" | ");
                (organizers, vec![titles])
            }
        };
        let _ = write!(
            out,
            "* {date} | {} | {organizers}",
            self.location_text(hybrid)
        );
        for t in titles.iter().filter(|t| !t.is_empty()) {
            let _ = write!(out, "\n    * {t}");
        }
        out
    }
}

fn link(text: &str, url: &str) -> String {
    if url.is_empty() {
        text.to_string()
    } else {
        format!("[{text}]({url})")
    }
}

/// Brackets in a title would end the link text early.
fn escape(text: &str) -> String {
    text.replace('[', "\\[").replace(']', "\\]")
}

/// The events already written in an issue's events section, with the region each stands
/// under. Events whose date cannot be read are returned as messages instead.
pub fn from_issue(issue: &Issue, source: &str) -> (Vec<Record>, Vec<String>) {
    let mut records = Vec::new();
    let mut problems = Vec::new();
    let Some(section) = &issue.events else {
        return (records, problems);
    };
    for ev in &section.events {
        let item = &issue.items[ev.item];
        let line = issue.lines.line_of(item.span.start);
        let origin = Origin {
            source: source.to_string(),
            line: Some(line),
        };
        let Some(start) = ev.start else {
            problems.push(format!(
                "{origin}: cannot read the event's date; kept as is"
            ));
            continue;
        };
        let organizers_md = ev.fields.get(2).map_or(String::new(), |f| {
            issue.text[f.start..item.content.end].trim().to_string()
        });
        let titles_md = ev
            .title_items
            .iter()
            .map(|&t| issue.slice(issue.items[t].content).trim_end().to_string())
            .collect();
        let links = |ids: &[usize], strip: bool| -> Vec<Link> {
            ids.iter()
                .map(|&i| {
                    let l = &issue.links[i];
                    let text = issue.slice(l.text_span);
                    let text = if strip { text.trim_matches('*') } else { text };
                    Link {
                        text: text.trim().to_string(),
                        url: l.dest.clone(),
                    }
                })
                .collect()
        };
        let location = location::read(&ev.location);
        records.push(Record {
            start,
            end: ev.end.unwrap_or(start).max(start),
            raw_location: ev.location.clone(),
            location,
            organizers: links(&ev.organizers, false),
            titles: links(&ev.titles, true),
            written: Some(Written {
                organizers: organizers_md,
                titles: titles_md,
            }),
            listed_under: ev.region,
            origin,
        });
    }
    (records, problems)
}

/// The events list as TWIR prints it: `### Region` headings in order, each followed by its
/// events. `groups` must already be grouped and sorted; hybrid events are spelled with
/// `hybrid`.
pub fn render_list(groups: &[(Region, Vec<Record>)], hybrid: &str) -> String {
    groups
        .iter()
        .filter(|(_, list)| !list.is_empty())
        .map(|(region, list)| {
            let events = list
                .iter()
                .map(|r| r.render(hybrid))
                .collect::<Vec<_>>()
                .join("\n");
            format!("### {region}\n\n{events}")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_twir_form() {
        let r = Record {
            start: jiff::civil::date(2024, 1, 4),
            end: jiff::civil::date(2024, 1, 5),
            raw_location: "Berlin, Germany".into(),
            location: location::read("Berlin, DE"),
            organizers: vec![Link {
                text: "Rust Berlin".into(),
                url: "https://berline.rs/".into(),
            }],
            titles: vec![Link {
                text: "Hack [and] Learn".into(),
                url: "https://e.com/1".into(),
            }],
            written: None,
            listed_under: None,
            origin: Origin {
                source: "t".into(),
                line: None,
            },
        };
        assert_eq!(
            r.render("Hybrid"),
            "* 2024-01-04 - 2024-01-05 | Berlin, DE | [Rust Berlin](https://berline.rs/)\n\
             \x20   * [**Hack \\[and\\] Learn**](https://e.com/1)"
        );
        let settled = location::settle(r.location.as_ref().unwrap(), &Default::default());
        let r = Record {
            location: Some(settled.location),
            ..r
        };
        assert_eq!(r.region(), Some(Region::Europe));
    }
}
