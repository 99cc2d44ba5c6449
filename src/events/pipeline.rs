//! From records of every source to the events list: normalise locations, keep what lies
//! in the window, merge duplicates, then group by region and sort. Pure: no I/O.

use super::Region;
use super::location::{self, Location, Mode};
use super::record::Record;
use crate::config::Events;
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

/// Runs the pipeline under the newsletter's house rules for places (`[events]`).
/// Earlier records win ties when merging duplicates, so pass the draft's records first.
/// No event is dropped for its place: a place is completed from the gazetteer, or the
/// event is kept under its best-guess region with a warning.
pub fn assemble(records: Vec<Record>, window: Window, rules: &Events) -> Assembled {
    let mut out = Assembled::default();
    let mut kept: Vec<Record> = Vec::new();
    for mut r in records {
        if !window.overlaps(&r) {
            let why = format!(
                "{}: {} is outside the window {} - {}",
                r.origin, r.start, window.start, window.end
            );
            out.dropped.push((r, why));
            continue;
        }
        match &r.location {
            Some(loc) => {
                let settled = location::settle(loc, rules);
                for note in &settled.notes {
                    out.warnings.push(format!(
                        "{}: location {:?}: {}",
                        r.origin, r.raw_location, note.message
                    ));
                }
                r.location = Some(settled.location);
            }
            None => {
                let guess = r
                    .listed_under
                    .or_else(|| guess_region(&r.raw_location, rules))
                    .unwrap_or(Region::Virtual);
                out.warnings.push(format!(
                    "{}: cannot read the location {:?} as `City, CC`; printed as written under {guess}, move it if that is wrong",
                    r.origin, r.raw_location
                ));
                r.listed_under = Some(guess);
            }
        }
        if r.location
            .as_ref()
            .is_some_and(|l| l.home_region().is_none())
            && r.listed_under.is_none()
        {
            let guess = guess_region(&r.raw_location, rules).unwrap_or(Region::Virtual);
            out.warnings.push(format!(
                "{}: no region for the location {:?}; listed under {guess}, move it if that is wrong",
                r.origin,
                r.location_text(&rules.hybrid)
            ));
            r.listed_under = Some(guess);
        }
        match kept.iter().position(|k| same_event(k, &r)) {
            Some(i) => {
                // A virtual and an in-person record of one meetup: one hybrid event.
                let hybrid = hybrid_of(&kept[i], &r);
                let drop = if r.richness() > kept[i].richness() {
                    std::mem::replace(&mut kept[i], r)
                } else {
                    r
                };
                if let Some(loc) = hybrid {
                    kept[i].location = Some(loc);
                    kept[i].listed_under = None;
                }
                let why = format!("{}: the same event as {}", drop.origin, kept[i].origin);
                out.dropped.push((drop, why));
            }
            None => kept.push(r),
        }
    }
    let mut by_region: HashMap<Region, Vec<Record>> = HashMap::new();
    for r in kept {
        // TWIR lists a hybrid event twice: under Virtual and under its continent.
        let regions = match r.location.as_ref() {
            Some(loc) if loc.mode == Mode::Hybrid => {
                [Some(Region::Virtual), loc.continent.or(r.listed_under)]
            }
            _ => [r.region(), None],
        };
        for region in regions.into_iter().flatten() {
            let list = by_region.entry(region).or_default();
            // The editors may have listed it both ways already.
            if !list.iter().any(|k| same_occurrence(k, &r)) {
                let mut placed = r.clone();
                placed.listed_under = Some(region);
                list.push(placed);
            }
        }
    }
    for region in Region::HEADINGS.into_iter().chain([Region::Antarctica]) {
        if let Some(mut list) = by_region.remove(&region) {
            // Stable: same-day events at one place keep their order.
            list.sort_by_key(|r| r.sort_key(&rules.hybrid));
            out.groups.push((region, list));
        }
    }
    out
}

/// The region a location that cannot be read most likely means: Virtual when it says so,
/// else the region of the biggest city its first words name.
fn guess_region(raw: &str, rules: &Events) -> Option<Region> {
    let lower = raw.to_lowercase();
    if lower.contains("virtual") || lower.contains("online") {
        return Some(Region::Virtual);
    }
    let first = raw.split([',', '(', '|']).next()?.trim();
    let city = crate::places::cities(first).into_iter().next()?;
    super::countries::region_of(city.country, rules)
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
    !cross_listed && same_occurrence(a, b)
}

/// The location of the hybrid event that a virtual record and an in-person record of the
/// same occurrence describe together.
fn hybrid_of(a: &Record, b: &Record) -> Option<Location> {
    let (la, lb) = (a.location.as_ref()?, b.location.as_ref()?);
    let in_person = match (la.mode, lb.mode) {
        (Mode::Virtual, Mode::InPerson) => lb,
        (Mode::InPerson, Mode::Virtual) => la,
        _ => return None,
    };
    Some(Location {
        mode: Mode::Hybrid,
        ..in_person.clone()
    })
}

/// One occurrence of an event: the same date with a shared title URL, or the same
/// organizer and title.
fn same_occurrence(a: &Record, b: &Record) -> bool {
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
            location: location::read(loc),
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
        let a = assemble(records, window, &Events::default());
        let regions: Vec<Region> = a.groups.iter().map(|(r, _)| *r).collect();
        assert_eq!(
            regions,
            [Region::Virtual, Region::Europe, Region::NorthAmerica]
        );
        // The unreadable place is kept, under the best guess, with a warning.
        assert!(a.groups[0].1.iter().any(|r| r.raw_location == "Somewhere"));
        assert!(
            a.warnings.iter().any(|w| w.contains("\"Somewhere\"")),
            "{:?}",
            a.warnings
        );
        let europe: Vec<String> = a.groups[1]
            .1
            .iter()
            .map(|r| r.location_text("Hybrid"))
            .collect();
        assert_eq!(europe, ["Bern, CH", "Munich, DE"]);
        assert_eq!(a.dropped.len(), 2, "{:?}", a.dropped);
        assert!(
            a.dropped
                .iter()
                .any(|(_, why)| why.contains("outside the window"))
        );
        assert!(a.dropped.iter().any(|(_, why)| why.contains("same event")));
    }

    #[test]
    fn hybrid_events_are_listed_both_ways() {
        let window = Window::from_issue_date(date(2024, 1, 3), 28);
        let url = "https://www.meetup.com/seattle/events/1/";
        let one = |loc: &str| rec(11, loc, "Seattle Rust", "Monthly", url);
        let regions = |a: &Assembled| -> Vec<(Region, String)> {
            a.groups
                .iter()
                .flat_map(|(g, l)| l.iter().map(|r| (*g, r.location_text("Hybrid"))))
                .collect()
        };
        let both = vec![
            (Region::Virtual, "Hybrid (Seattle, WA, US)".to_string()),
            (Region::NorthAmerica, "Hybrid (Seattle, WA, US)".to_string()),
        ];
        // A source that marks the event hybrid.
        let a = assemble(
            vec![one("Hybrid (Seattle, WA, US)")],
            window,
            &Events::default(),
        );
        assert_eq!(regions(&a), both);
        // A virtual and an in-person record of the same meetup on the same day.
        let a = assemble(
            vec![one("Virtual (Seattle, WA, US)"), one("Seattle, WA, US")],
            window,
            &Events::default(),
        );
        assert_eq!(regions(&a), both);
        // Listed both ways in the draft already: no third copy.
        let mut v = one("Hybrid (Seattle, WA, US)");
        v.listed_under = Some(Region::Virtual);
        v.written = Some(super::super::record::Written {
            organizers: "[Seattle Rust](https://org.example/seattlerust)".into(),
            titles: vec![format!("[**Monthly**]({url})")],
        });
        let mut n = v.clone();
        n.listed_under = Some(Region::NorthAmerica);
        let a = assemble(vec![v, n], window, &Events::default());
        assert_eq!(regions(&a), both);
    }

    #[test]
    fn uk_code_follows_config() {
        let window = Window::from_issue_date(date(2024, 1, 3), 28);
        let mut rules = Events {
            uk_code: "GB".into(),
            ..Events::default()
        };
        let a = assemble(
            vec![rec(4, "Cardiff, UK", "C", "T", "https://e.com/c")],
            window,
            &rules,
        );
        assert_eq!(a.groups[0].1[0].location_text("Hybrid"), "Cardiff, GB");
        rules.uk_code = "UK".into();
        let a = assemble(
            vec![rec(4, "Cardiff, GB", "C", "T", "https://e.com/c")],
            window,
            &rules,
        );
        assert_eq!(a.groups[0].1[0].location_text("Hybrid"), "Cardiff, UK");
    }
}
