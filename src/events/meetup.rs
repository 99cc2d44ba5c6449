//! Events in the JSON shape TWIR's Meetup script emits: a list of objects with `name`,
//! `location`, `date`, `url`, `virtual`, `organizer_name` and `organizer_url`.

use super::location::{self, Location, Mode};
use super::record::{Link, Origin, Record};
use jiff::civil::Date;
use serde::Deserialize;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{source_name}:{line}:{column}: {message}")]
pub struct JsonError {
    pub source_name: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// `{"events": [...]}`, accepted beside a bare list.
#[derive(Deserialize)]
struct Wrapped {
    events: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    name: String,
    #[serde(default)]
    location: String,
    /// `2024-01-04`, or a date-time with its offset (`2024-01-04T18:30:00-08:00`), whose
    /// date as written is the local date.
    date: String,
    #[serde(default)]
    url: String,
    #[serde(default, rename = "virtual")]
    is_virtual: bool,
    #[serde(default)]
    organizer_name: String,
    #[serde(default)]
    organizer_url: String,
}

/// Reads the events; an entry whose date cannot be read is a warning, not a failure.
pub fn parse(name: &str, text: &str) -> Result<(Vec<Record>, Vec<String>), JsonError> {
    // Read as the shape the text opens with, so errors keep their line and column.
    let parsed = if text.trim_start().starts_with('{') {
        serde_json::from_str::<Wrapped>(text).map(|w| w.events)
    } else {
        serde_json::from_str::<Vec<Entry>>(text)
    };
    let entries = parsed.map_err(|e| JsonError {
        source_name: name.to_string(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let mut records = Vec::new();
    let mut warnings = Vec::new();
    for (i, e) in entries.into_iter().enumerate() {
        let origin = Origin {
            source: format!("{name} (event {})", i + 1),
            line: None,
        };
        let Some(date) = e.date.get(..10).and_then(|d| d.parse::<Date>().ok()) else {
            warnings.push(format!(
                "{origin}: cannot read the date {:?}; event left out",
                e.date
            ));
            continue;
        };
        let mut loc = location::read(&e.location);
        if e.is_virtual {
            let mode = match loc.as_ref().map(|l| l.mode) {
                Some(Mode::Hybrid) => Mode::Hybrid,
                _ => Mode::Virtual,
            };
            loc = Some(Location {
                mode,
                ..loc.unwrap_or_else(|| Location::new(mode, Vec::new()))
            });
        }
        records.push(Record {
            start: date,
            end: date,
            raw_location: e.location,
            location: loc,
            organizers: vec![Link {
                text: e.organizer_name,
                url: e.organizer_url,
            }]
            .into_iter()
            .filter(|l| !l.text.is_empty())
            .collect(),
            titles: vec![Link {
                text: e.name.trim().to_string(),
                url: e.url,
            }],
            written: None,
            listed_under: None,
            origin,
        });
    }
    Ok((records, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_twir_meetup_shape() {
        let text = r#"[
 {"name": "Rust Hack Night", "location": "Chicago, IL, US", "date": "2024-01-08T18:00:00-06:00",
  "url": "https://www.meetup.com/deep-dish-rust/events/1/", "virtual": false,
  "organizer_name": "Deep Dish Rust", "organizer_url": "https://www.meetup.com/deep-dish-rust/"},
 {"name": "Online talk", "location": "Berlin, DE", "date": "2024-01-09", "url": "https://e.com/2",
  "virtual": true, "organizer_name": "Rust Berlin", "organizer_url": "https://berline.rs/"},
 {"name": "Broken", "location": "", "date": "soon", "url": "", "virtual": false,
  "organizer_name": "", "organizer_url": ""}
]"#;
        let (records, warnings) = parse("meetup.json", text).unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].start, jiff::civil::date(2024, 1, 8));
        assert_eq!(records[1].location_text("Hybrid"), "Virtual (Berlin, DE)");
        assert_eq!(
            warnings,
            ["meetup.json (event 3): cannot read the date \"soon\"; event left out"]
        );
        let e = parse("m.json", "[{\"name\": 1}]").unwrap_err();
        assert_eq!((e.line, e.source_name.as_str()), (1, "m.json"));
    }
}
