//! Events: the "Upcoming Events" section of an issue as data — the window line, the
//! region headings and each two-line event — shared by `twir check` and `twir events`.

pub mod countries;
pub mod ics;
pub mod location;
pub mod meetup;
pub mod pipeline;
pub mod record;
pub mod splice;

pub use countries::Region;

use crate::issue::{Issue, Span};
use jiff::civil::Date;

/// The heading of the events section in TWIR.
pub const HEADING: &str = "Upcoming Events";
/// The words that open the window line.
pub const WINDOW_PREFIX: &str = "Rusty Events between";
/// The events window runs this many days from the issue date.
pub const WINDOW_DAYS: i32 = 28;

/// The events section of an issue.
#[derive(Clone, Debug)]
pub struct EventsSection {
    /// Index of the section in [`Issue::sections`].
    pub section: usize,
    pub window: Option<Window>,
    pub events: Vec<Event>,
}

/// The `Rusty Events between A - B` line.
#[derive(Clone, Debug)]
pub struct Window {
    pub span: Span,
    pub start: Option<Date>,
    pub end: Option<Date>,
    /// The text between the prefix and the end of the dates.
    pub dates_span: Span,
}

/// One event: `* DATE | LOCATION | [Organizer](url)` and its title lines below it.
#[derive(Clone, Debug)]
pub struct Event {
    /// The list item of the event line in [`Issue::items`].
    pub item: usize,
    /// The event line and its title lines, whole lines.
    pub span: Span,
    /// The `|`-separated fields of the event line, trimmed.
    pub fields: Vec<Span>,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub location: String,
    /// Links in the organizer fields, as indices into [`Issue::links`].
    pub organizers: Vec<usize>,
    /// Title line items in [`Issue::items`].
    pub title_items: Vec<usize>,
    /// Links in the title lines, as indices into [`Issue::links`].
    pub titles: Vec<usize>,
    /// The region heading the event stands under, if it is one.
    pub region: Option<Region>,
    /// The section (region heading) the event stands in.
    pub region_section: Option<usize>,
}

impl Event {
    pub fn date_span(&self) -> Option<Span> {
        self.fields.first().copied()
    }

    pub fn location_span(&self) -> Option<Span> {
        self.fields.get(1).copied()
    }

    /// The date the event is sorted by.
    pub fn sort_date(&self) -> Option<Date> {
        self.start
    }
}

impl EventsSection {
    /// Finds the events section of `issue` and reads its events. `None` when the issue
    /// has no "Upcoming Events" section.
    pub fn parse(issue: &Issue) -> Option<EventsSection> {
        let section = issue.section_named(HEADING)?;
        let span = issue.sections[section].span;
        let window = window(issue, span);
        let mut events = Vec::new();
        for (i, item) in issue.items.iter().enumerate() {
            if item.parent.is_some() || !span.encloses(item.span) {
                continue;
            }
            let content = issue.slice(item.content);
            if !content
                .get(..4)
                .is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit()))
            {
                continue;
            }
            events.push(event(issue, i));
        }
        Some(EventsSection {
            section,
            window,
            events,
        })
    }
}

fn window(issue: &Issue, section: Span) -> Option<Window> {
    let text = &issue.text;
    let at = text[section.start..section.end].find(WINDOW_PREFIX)? + section.start;
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let span = Span::new(at, line_end);
    let after = at + WINDOW_PREFIX.len();
    let rest = &text[after..line_end];
    let lead = rest.len() - rest.trim_start().len();
    let dates = rest.trim_start();
    // Dates run up to the first character that is not part of a date range.
    let len = dates
        .find(|c: char| !(c.is_ascii_digit() || " -/".contains(c)))
        .unwrap_or(dates.len());
    let dates = dates[..len].trim_end();
    let dates_span = Span::new(after + lead, after + lead + dates.len());
    let (start, end) = match dates.split_once(" - ") {
        Some((a, b)) => (loose_date(a), loose_date(b)),
        None => (None, None),
    };
    Some(Window {
        span,
        start,
        end,
        dates_span,
    })
}

/// `2024-01-03`, `2024-1-3`, or the `1/3/2024` form of 2021–2022 issues.
fn loose_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Some(d) = crate::issue::header::parse_date(s) {
        return Some(d);
    }
    let parts: Vec<&str> = s.split('/').collect();
    match parts.as_slice() {
        [m, d, y] => Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok(),
        _ => None,
    }
}

fn event(issue: &Issue, item_idx: usize) -> Event {
    let item = &issue.items[item_idx];
    let fields = split_fields(&issue.text, item.content);
    let (start, end) = fields
        .first()
        .map_or((None, None), |f| event_dates(issue.slice(*f)));
    let location = fields
        .get(1)
        .map_or(String::new(), |f| issue.slice(*f).to_string());
    let organizers_from = fields.get(2).map_or(item.content.end, |f| f.start);
    let title_items: Vec<usize> = issue
        .items
        .iter()
        .enumerate()
        .filter(|(_, it)| it.parent == Some(item_idx))
        .map(|(i, _)| i)
        .collect();
    let mut span = item.span;
    if let Some(&last) = title_items.last() {
        span.end = span.end.max(issue.items[last].span.end);
    }
    let mut organizers = Vec::new();
    let mut titles = Vec::new();
    for (li, link) in issue.links.iter().enumerate() {
        if link.span.start >= organizers_from && link.span.end <= item.content.end {
            organizers.push(li);
        } else if title_items
            .iter()
            .any(|&t| issue.items[t].span.encloses(link.span))
        {
            titles.push(li);
        }
    }
    let region_section = issue.section_at(item.span.start);
    let region = region_section.and_then(|s| Region::from_heading(&issue.sections[s].title));
    Event {
        item: item_idx,
        span,
        fields,
        start,
        end,
        location,
        organizers,
        title_items,
        titles,
        region,
        region_section,
    }
}

/// Splits `span` of `text` at `|` outside brackets and parentheses; fields are trimmed.
pub fn split_fields(text: &str, span: Span) -> Vec<Span> {
    let s = span.slice(text);
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '[' | '(' => depth += 1,
            ']' | ')' => depth -= 1,
            '|' if depth <= 0 => {
                out.push(trimmed(s, start, i, span.start));
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(trimmed(s, start, s.len(), span.start));
    out
}

fn trimmed(s: &str, a: usize, b: usize, base: usize) -> Span {
    let part = &s[a..b];
    let lead = part.len() - part.trim_start().len();
    Span::new(base + a + lead, base + a + lead + part.trim().len())
}

/// The dates of an event field: one date, or a range written `A - B`, `A & B`, `A, B`
/// or `A to B`.
pub fn event_dates(s: &str) -> (Option<Date>, Option<Date>) {
    let s = s.trim();
    for sep in [" - ", " & ", ", ", " to ", " – "] {
        if let Some((a, b)) = s.split_once(sep) {
            let (a, b) = (loose_date(a), loose_date(b));
            return (a, b.or(a));
        }
    }
    let d = loose_date(s);
    (d, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Title: This Week in Rust 1\nDate: 2024-11-27\n\n## Upcoming Events\n\n\
Rusty Events between 2024-11-27 - 2024-12-25 🦀\n\n### Virtual\n\
* 2024-11-28 | Virtual (Berlin, DE) | [OTS](https://berline.rs/) + [Rust Berlin](https://www.meetup.com/rust-berlin/)\n\
\x20\x20\x20\x20* [**Hack and Learn**](https://meet.jit.si/x) | [**Mirror**](https://www.meetup.com/rust-berlin/events/1/)\n\n\
### Europe\n* 2024-12-01 - 2024-12-02 | Paris, FR | [Rust Paris](https://www.meetup.com/rust-paris/)\n\
\x20\x20\x20\x20* [**Meetup**](https://www.meetup.com/rust-paris/events/2/)\n\n## Jobs\n";

    #[test]
    fn reads_window_and_events() {
        let issue = Issue::from_text("t.md", TEXT);
        let ev = issue.events.as_ref().unwrap();
        let w = ev.window.as_ref().unwrap();
        assert_eq!(w.start, Some(jiff::civil::date(2024, 11, 27)));
        assert_eq!(w.end, Some(jiff::civil::date(2024, 12, 25)));
        assert_eq!(ev.events.len(), 2);
        let first = &ev.events[0];
        assert_eq!(first.location, "Virtual (Berlin, DE)");
        assert_eq!(first.organizers.len(), 2);
        assert_eq!(first.titles.len(), 2);
        assert_eq!(first.region, Some(Region::Virtual));
        let second = &ev.events[1];
        assert_eq!(second.end, Some(jiff::civil::date(2024, 12, 2)));
        assert_eq!(second.region, Some(Region::Europe));
        assert!(issue.slice(second.span).ends_with("events/2/)"));
    }

    #[test]
    fn fields_ignore_pipes_in_links() {
        let text = "2023-05-09 | Virtual (Berlin, DE) | [Open Tech School Berlin | Berline.rs](https://x.y/)";
        let f = split_fields(text, Span::new(0, text.len()));
        assert_eq!(f.len(), 3);
        assert_eq!(f[1].slice(text), "Virtual (Berlin, DE)");
    }

    #[test]
    fn date_forms() {
        let d = |y, m, dd| Some(jiff::civil::date(y, m, dd));
        assert_eq!(
            event_dates("2024-04-15 & 2024-04-16"),
            (d(2024, 4, 15), d(2024, 4, 16))
        );
        assert_eq!(event_dates("2024-04-15"), (d(2024, 4, 15), d(2024, 4, 15)));
        assert_eq!(loose_date("11/10/2021"), d(2021, 11, 10));
    }
}
