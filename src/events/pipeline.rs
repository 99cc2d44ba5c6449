//! From records of every source to the events list: normalise locations, keep what lies
//! in the window, merge duplicates, then group by region and sort. Pure: no I/O.

use super::Region;
use super::record::Record;
use jiff::civil::Date;
use std::collections::HashMap;

/// The window events must fall in, inclusive at both ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub start: Date,
    pub end: Date,
}

impl Window {
    /// `days` days from the issue date, as `Rusty Events between START - END`.
    pub fn from_issue_date(date: Date, days: i32) -> Window {
        Window {
            start: date,
            end: date.saturating_add(jiff::Span::new().days(days)),
        }
    }

    /// Whether any day of the event lies in the window.
    pub fn overlaps(&self, r: &Record) -> bool {
        r.end >= self.start && r.start <= self.end
    }
}

/// The events list and what happened on the way.
#[derive(Debug, Default)]
pub struct Assembled {
    /// Regions in TWIR's order, each sorted by date then location; empty regions left out.
    pub groups: Vec<(Region, Vec<Record>)>,
    /// Records left out, with the reason.
    pub dropped: Vec<(Record, String)>,
    /// Warnings that did not drop anything.
    pub warnings: Vec<String>,
}

impl Assembled {
    pub fn count(&self) -> usize {
        self.groups.iter().map(|(_, l)| l.len()).sum()
    }
}

/// Runs the pipeline. `uk_code` is how the newsletter writes Great Britain (`UK` or `GB`).
/// Earlier records win ties when merging duplicates, so pass the draft's records first.
pub fn assemble(records: Vec<Record>, window: Window, uk_code: &str) -> Assembled {
    let mut out = Assembled::default();
    let mut kept: Vec<Record> = Vec::new();
    for mut r in records {
        if let Some(loc) = &mut r.location {
            for p in &mut loc.places {
                if p.country == "UK" || p.country == "GB" {
                    p.country = uk_code.to_string();
                }
            }
        }
        if !window.overlaps(&r) {
            let why = format!(
                "{}: {} is outside the window {} - {}",
                r.origin, r.start, window.start, window.end
            );
            out.dropped.push((r, why));
            continue;
        }
        if r.location.is_none() {
            let what = format!(
                "{}: cannot read the location {:?} as `City, CC`",
                r.origin, r.raw_location
            );
            if r.region().is_none() {
                out.dropped
                    .push((r, format!("{what}; add the event by hand")));
                continue;
            }
            out.warnings.push(format!("{what}; printed as written"));
        }
        if let Some(Err(problem)) = r.location.as_ref().map(|l| l.validate()) {
            out.warnings.push(format!(
                "{}: location {:?}: {problem}",
                r.origin,
                r.location_text()
            ));
        }
        if r.region().is_none() {
            let why = format!(
                "{}: no region for the location {:?}",
                r.origin,
                r.location_text()
            );
            out.dropped.push((r, why));
            continue;
        }
        match kept.iter().position(|k| same_event(k, &r)) {
            Some(i) => {
                let drop = if r.richness() > kept[i].richness() {
                    std::mem::replace(&mut kept[i], r)
                } else {
                    r
                };
                let why = format!("{}: the same event as {}", drop.origin, kept[i].origin);
                out.dropped.push((drop, why));
            }
            None => kept.push(r),
        }
    }
    let mut by_region: HashMap<Region, Vec<Record>> = HashMap::new();
    for r in kept {
        if let Some(region) = r.region() {
            by_region.entry(region).or_default().push(r);
        }
    }
    for region in Region::HEADINGS.into_iter().chain([Region::Antarctica]) {
        if let Some(mut list) = by_region.remove(&region) {
            // Stable: same-day events at one place keep their order.
            list.sort_by_key(Record::sort_key);
            out.groups.push((region, list));
        }
    }
    out
}

/// The same event: the same date with a shared title URL or the same organizer and title. A hybrid
/// event the editors cross-listed under Virtual and its continent is not a duplicate.
fn same_event(a: &Record, b: &Record) -> bool {
    let fits = |r: &Record| {
        r.written.is_some()
            && r.listed_under
                .zip(r.location.as_ref())
                .is_some_and(|(region, loc)| loc.fits_listing(region))
    };
    let cross_listed = fits(a) && fits(b) && a.listed_under != b.listed_under;
    if cross_listed {
        return false;
    }
    let urls = |r: &Record| -> Vec<String> {
        r.titles
            .iter()
            .filter(|l| !l.url.is_empty())
            .map(|l| crate::url::normalise(&l.url))
            .collect()
    };
    // A recurring event may keep one page for every date: a URL alone is not enough.
    let (ua, ub) = (urls(a), urls(b));
    if a.start == b.start && ua.iter().any(|u| ub.contains(u)) {
        return true;
    }
    let names =
        |r: &Record| -> Vec<String> { r.organizers.iter().map(|l| fold(&l.text)).collect() };
    let titles = |r: &Record| -> Vec<String> { r.titles.iter().map(|l| fold(&l.text)).collect() };
    a.start == b.start
        && names(a)
            .iter()
            .any(|n| !n.is_empty() && names(b).contains(n))
        && titles(a)
            .iter()
            .any(|t| !t.is_empty() && titles(b).contains(t))
}

/// Lowercase letters and digits only, so `Rust Berlin` and `rust-berlin` compare equal.
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::location;
    use super::super::record::{Link, Origin};
    use super::*;
    use jiff::civil::date;

    fn rec(day: i8, loc: &str, org: &str, title: &str, url: &str) -> Record {
        Record {
            start: date(2024, 1, day),
            end: date(2024, 1, day),
            raw_location: loc.into(),
            location: location::normalise(loc),
            organizers: vec![Link {
                text: org.into(),
                url: format!("https://org.example/{}", fold(org)),
            }],
            titles: vec![Link {
                text: title.into(),
                url: url.into(),
            }],
            written: None,
            listed_under: None,
            origin: Origin {
                source: "test".into(),
                line: Some(usize::try_from(day).unwrap()),
            },
        }
    }

    #[test]
    fn filters_merges_groups_and_sorts() {
        let window = Window::from_issue_date(date(2024, 1, 3), 28);
        let records = vec![
            rec(10, "Munich, DE", "Rust Munich", "Meetup", "https://e.com/m"),
            rec(10, "Bern, CH", "Rust Bern", "Talks", "https://e.com/b"),
            rec(2, "Paris, FR", "Rust Paris", "Old", "https://e.com/old"),
            rec(
                5,
                "Virtual (Berlin, DE)",
                "Rust Berlin",
                "Hack",
                "https://e.com/h",
            ),
            // The same meetup under another URL: same organizer, date and title.
            rec(
                10,
                "Munich, DE",
                "Rust Munich",
                "Meetup",
                "https://e.com/m2",
            ),
            rec(
                12,
                "Seattle, WA, US",
                "Seattle Rust",
                "Hack",
                "https://e.com/s",
            ),
            rec(12, "Somewhere", "Nobody", "X", "https://e.com/x"),
        ];
        let a = assemble(records, window, "UK");
        let regions: Vec<Region> = a.groups.iter().map(|(r, _)| *r).collect();
        assert_eq!(
            regions,
            [Region::Virtual, Region::Europe, Region::NorthAmerica]
        );
        let europe: Vec<String> = a.groups[1].1.iter().map(Record::location_text).collect();
        assert_eq!(europe, ["Bern, CH", "Munich, DE"]);
        assert_eq!(a.dropped.len(), 3, "{:?}", a.dropped);
        assert!(
            a.dropped
                .iter()
                .any(|(_, why)| why.contains("outside the window"))
        );
        assert!(a.dropped.iter().any(|(_, why)| why.contains("same event")));
        assert!(
            a.dropped
                .iter()
                .any(|(_, why)| why.contains("add the event by hand"))
        );
    }

    #[test]
    fn uk_code_follows_config() {
        let window = Window::from_issue_date(date(2024, 1, 3), 28);
        let a = assemble(
            vec![rec(4, "Cardiff, GB", "C", "T", "https://e.com/c")],
            window,
            "GB",
        );
        assert_eq!(a.groups[0].1[0].location_text(), "Cardiff, GB");
        let a = assemble(
            vec![rec(4, "Cardiff, GB", "C", "T", "https://e.com/c")],
            window,
            "UK",
        );
        assert_eq!(a.groups[0].1[0].location_text(), "Cardiff, UK");
    }
}
