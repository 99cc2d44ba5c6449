//! Event locations: TWIR's written forms (`City, CC`, `City, ST, CC`, `Virtual (City, CC)`,
//! `Virtual and In-Person (City, ST, CC)`), a strict reader and a lenient normaliser.

use super::countries::{Region, code_of_name, is_state_of, region_of, required_states};
use std::fmt;

/// How people attend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    InPerson,
    Virtual,
    Hybrid,
}

/// One place: a city with an optional state code and a country code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub city: String,
    pub state: Option<String>,
    pub country: String,
}

/// A location as TWIR writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub mode: Mode,
    pub places: Vec<Place>,
}

/// Why a location is not in TWIR's form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not one of the written forms; carries the normalised spelling when one was found.
    Form(Option<Location>),
    /// `US`, `CA` and `AU` places need a state or territory code.
    MissingState(String),
    UnknownState(String, String),
    UnknownCountry(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Form(Some(loc)) => write!(f, "not in TWIR's form; write `{loc}`"),
            Problem::Form(None) => f.write_str("cannot be read as `City, CC`"),
            Problem::MissingState(place) => {
                write!(f, "`{place}` needs a state or territory code")
            }
            Problem::UnknownState(state, country) => {
                write!(f, "`{state}` is not a state or territory code of {country}")
            }
            Problem::UnknownCountry(code) => write!(f, "`{code}` is not a country code"),
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.state {
            Some(s) => write!(f, "{}, {}, {}", self.city, s, self.country),
            None => write!(f, "{}, {}", self.city, self.country),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let places = self
            .places
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ");
        match (self.mode, places.is_empty()) {
            (Mode::InPerson, _) => f.write_str(&places),
            (Mode::Virtual, true) => f.write_str("Virtual"),
            (Mode::Virtual, false) => write!(f, "Virtual ({places})"),
            (Mode::Hybrid, _) => write!(f, "Virtual and In-Person ({places})"),
        }
    }
}

impl Location {
    /// The continent of the first place, if any.
    pub fn continent(&self) -> Option<Region> {
        self.places.first().and_then(|p| region_of(&p.country))
    }

    /// The region heading this location belongs under: virtual events under Virtual.
    pub fn home_region(&self) -> Option<Region> {
        match self.mode {
            Mode::Virtual => Some(Region::Virtual),
            Mode::InPerson | Mode::Hybrid => self.continent(),
        }
    }

    /// Whether the location may stand under `region`: hybrid events may be listed under
    /// Virtual or under their continent.
    pub fn fits(&self, region: Region) -> bool {
        match self.mode {
            Mode::Virtual => region == Region::Virtual,
            Mode::Hybrid => region == Region::Virtual || self.continent() == Some(region),
            Mode::InPerson => self.continent().is_none_or(|c| c == region),
        }
    }

    /// Whether an events list may show the location under `region`: where it fits, and
    /// also a bare place under Virtual, as lists of 2021–2022 wrote a virtual event's
    /// place alone under `### Virtual` (the heading said it was virtual).
    pub fn fits_listing(&self, region: Region) -> bool {
        self.fits(region) || (region == Region::Virtual && self.mode == Mode::InPerson)
    }

    /// Checks codes: known country, and a valid state where one is required.
    pub fn validate(&self) -> Result<(), Problem> {
        for p in &self.places {
            if region_of(&p.country).is_none() {
                return Err(Problem::UnknownCountry(p.country.clone()));
            }
            match (&p.state, required_states(&p.country)) {
                (None, Some(_)) => return Err(Problem::MissingState(p.to_string())),
                (Some(s), Some(_)) if !is_state_of(s, &p.country) => {
                    return Err(Problem::UnknownState(s.clone(), p.country.clone()));
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// Reads a location written in one of TWIR's forms, and checks its codes.
pub fn parse(s: &str) -> Result<Location, Problem> {
    let loc = parse_form(s).ok_or_else(|| Problem::Form(normalise(s)))?;
    loc.validate()?;
    Ok(loc)
}

fn parse_form(s: &str) -> Option<Location> {
    if s == "Virtual" {
        return Some(Location {
            mode: Mode::Virtual,
            places: Vec::new(),
        });
    }
    for (prefix, mode) in [
        ("Virtual and In-Person (", Mode::Hybrid),
        ("Virtual (", Mode::Virtual),
    ] {
        if let Some(inner) = s.strip_prefix(prefix).and_then(|r| r.strip_suffix(')')) {
            let places = inner.split("; ").map(place).collect::<Option<Vec<_>>>()?;
            return Some(Location { mode, places });
        }
    }
    Some(Location {
        mode: Mode::InPerson,
        places: vec![place(s)?],
    })
}

/// `City, CC` or `City, ST, CC`, strictly.
fn place(s: &str) -> Option<Place> {
    let parts: Vec<&str> = s.split(", ").collect();
    let (city, state, country) = match parts.as_slice() {
        [city @ .., state, country] if parts.len() >= 3 && is_code(state, 2..=3) => {
            (city.join(", "), Some(state.to_string()), *country)
        }
        [city @ .., country] if !city.is_empty() => (city.join(", "), None, *country),
        _ => return None,
    };
    let city_ok = !city.is_empty()
        && city.trim() == city
        && !city.contains(['(', ')', '|', '[', ']', '+', ';']);
    (city_ok && is_code(country, 2..=2)).then(|| Place {
        city,
        state,
        country: country.to_string(),
    })
}

fn is_code(s: &str, len: std::ops::RangeInclusive<usize>) -> bool {
    len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// Reads the many ways people write a location (`Virtual + In Person (Berlin, DE)`,
/// `Munich, DE + Virtual`, `Virtual( Kampala, UG)`, `Hybrid (Paris, FR)`, `Online`) and
/// returns it in TWIR's form. `None` when no place can be made out.
pub fn normalise(s: &str) -> Option<Location> {
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = collapsed.to_lowercase();
    let is_virtual = lower.contains("virtual") || lower.contains("online");
    let in_person = lower.contains("in person")
        || lower.contains("in-person")
        || lower.contains("hybrid")
        || (is_virtual && !lower.starts_with("virtual") && !lower.starts_with("online"));
    let mode = match (is_virtual, in_person) {
        (true, true) => Mode::Hybrid,
        (true, false) => Mode::Virtual,
        (false, true) => Mode::Hybrid,
        (false, false) => Mode::InPerson,
    };
    let places_text = match (collapsed.find('('), collapsed.rfind(')')) {
        (Some(a), Some(b)) if a < b => collapsed[a + 1..b].to_string(),
        _ => {
            let mut t = collapsed.clone();
            for word in [
                "Virtual and In-Person",
                "Virtual + In-Person",
                "Virtual + In Person",
                "In-Person",
                "In Person",
                "Virtual",
                "virtual",
                "Online",
                "online",
                "Hybrid",
                "hybrid",
                "In-person",
                "In person",
            ] {
                t = t.replace(word, "");
            }
            t.trim_matches(|c: char| c.is_whitespace() || "+-&/".contains(c))
                .to_string()
        }
    };
    let places: Vec<Place> = places_text
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(loose_place)
        .collect::<Option<_>>()?;
    if places.is_empty() && mode != Mode::Virtual {
        return None;
    }
    Some(Location { mode, places })
}

/// Reads a postal address as calendars write it: `Venue, Street 5, 10997 Berlin, Germany`
/// or `Venue, 747 Howard St, San Francisco, CA 94103, USA`. The country must be written
/// out or be a known code; postal codes are dropped.
pub fn from_address(s: &str) -> Option<Location> {
    let parts: Vec<&str> = s
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let (last, rest) = parts.split_last()?;
    let country = code_of_name(last).map(str::to_string).or_else(|| {
        let up = last.to_ascii_uppercase();
        (up.len() == 2 && region_of(&up).is_some()).then_some(up)
    })?;
    let words = |p: &str| -> Vec<String> {
        p.split_whitespace()
            .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
            .map(str::to_string)
            .collect()
    };
    let place = if required_states(&country).is_some() {
        // `…, City, ST 12345, Country` or `…, City ST 12345, Country`.
        let (state_part, rest) = rest.split_last()?;
        let w = words(state_part);
        let at = w
            .iter()
            .position(|x| is_state_of(&x.to_ascii_uppercase(), &country))?;
        let city = if at > 0 {
            w[..at].join(" ")
        } else {
            words(rest.last()?).join(" ")
        };
        Place {
            city,
            state: Some(w[at].to_ascii_uppercase()),
            country,
        }
    } else {
        Place {
            city: words(rest.last()?).join(" "),
            state: None,
            country,
        }
    };
    let place = (!place.city.is_empty()).then_some(place)?;
    Some(Location {
        mode: Mode::InPerson,
        places: vec![place],
    })
}

fn loose_place(s: &str) -> Option<Place> {
    let parts: Vec<String> = s
        .split(',')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let mut country = parts.last()?.to_ascii_uppercase();
    if country == "GB" {
        country = "UK".to_string();
    }
    if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let (city, state) = match parts.as_slice() {
        [city @ .., state, _] if parts.len() >= 3 && state.len() <= 3 => {
            (city.join(", "), Some(state.to_ascii_uppercase()))
        }
        [city @ .., _] => (city.join(", "), None),
        [] => return None,
    };
    (!city.is_empty()).then_some(Place {
        city,
        state,
        country,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_forms_parse() {
        for s in [
            "Copenhagen, DK",
            "Boston, MA, US",
            "Virtual",
            "Virtual (Cardiff, UK)",
            "Virtual (Indianapolis, IN, US)",
            "Virtual and In-Person (Lehi, UT, US)",
            "Virtual (Redmond, WA, US; San Francisco, CA, US)",
            "Cologne/Köln, DE",
        ] {
            let loc = parse(s).unwrap_or_else(|e| panic!("{s}: {e:?}"));
            assert_eq!(loc.to_string(), s);
        }
    }

    #[test]
    fn variants_normalise() {
        for (s, want) in [
            (
                "Virtual + In Person (Berlin, DE)",
                "Virtual and In-Person (Berlin, DE)",
            ),
            ("Munich, DE + Virtual", "Virtual and In-Person (Munich, DE)"),
            ("Virtual( Kampala, UG)", "Virtual (Kampala, UG)"),
            (
                "Praha, CZ - Virtual + In-person",
                "Virtual and In-Person (Praha, CZ)",
            ),
            (
                "Melbourne, VIC, AU + Virtual",
                "Virtual and In-Person (Melbourne, VIC, AU)",
            ),
            ("Hybrid (Paris, fr)", "Virtual and In-Person (Paris, FR)"),
        ] {
            match parse(s) {
                Err(Problem::Form(Some(loc))) => assert_eq!(loc.to_string(), want, "{s}"),
                other => panic!("{s}: {other:?}"),
            }
        }
    }

    #[test]
    fn codes_are_checked() {
        assert_eq!(
            parse("Canberra, AU"),
            Err(Problem::MissingState("Canberra, AU".into()))
        );
        assert_eq!(
            parse("Nowhere, ZZ"),
            Err(Problem::UnknownCountry("ZZ".into()))
        );
        assert!(matches!(
            parse("Austin, XX, US"),
            Err(Problem::UnknownState(..))
        ));
    }

    #[test]
    fn addresses() {
        for (s, want) in [
            (
                "Mozilla, Schlesische Str. 27, 10997 Berlin, Germany",
                "Berlin, DE",
            ),
            (
                "Moscone Center, 747 Howard St, San Francisco, CA 94103, USA",
                "San Francisco, CA, US",
            ),
            (
                "Level 3, 1 Martin Pl, Sydney NSW 2000, Australia",
                "Sydney, NSW, AU",
            ),
        ] {
            let got = from_address(s).map(|l| l.to_string());
            assert_eq!(got.as_deref(), Some(want), "{s}");
        }
        assert_eq!(from_address("Somewhere nice"), None);
    }

    #[test]
    fn regions() {
        let v = parse("Virtual (Cardiff, UK)").unwrap();
        assert!(v.fits(Region::Virtual) && !v.fits(Region::Europe));
        let h = parse("Virtual and In-Person (Seattle, WA, US)").unwrap();
        assert!(h.fits(Region::Virtual) && h.fits(Region::NorthAmerica));
        let p = parse("San Francisco, CA, US").unwrap();
        assert!(!p.fits(Region::Oceania));
    }
}
