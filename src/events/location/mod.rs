//! Event locations: TWIR's written forms (`City, CC`, `City, ST, CC`, `Virtual (City, CC)`,
//! `Hybrid (City, CC)`), read leniently ([`read`], [`from_address`]) and then settled
//! against the gazetteer and the house rules ([`settle`]): half-written places completed
//! (`Portland, OR` → `Portland, OR, US`), wrong states and countries found, each country
//! given its region.

mod read;
mod settle;

pub use read::{from_address, read};
pub use settle::settle;

use super::countries::Region;
use crate::config::{Events, HYBRID_FORMS};
use std::fmt;

/// How people attend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    InPerson,
    Virtual,
    Hybrid,
}

/// One place: a city with an optional state code and a country code. Read from text,
/// `country` is what was written last (a code, a name, or a state code); settled, it is a
/// country code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub city: String,
    pub state: Option<String>,
    pub country: String,
}

/// A location.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub mode: Mode,
    pub places: Vec<Place>,
    /// What a virtual event names instead of a place: a country or a part of the world
    /// (`Virtual (Israel)`, `Virtual (Europe)`).
    pub area: Option<String>,
    /// The region of the first place, set by [`settle`].
    pub continent: Option<Region>,
}

/// How much a finding about a location weighs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Weight {
    /// Spelled otherwise than the house form; the house form means the same.
    Spelling,
    /// Completed or corrected from the gazetteer: likely right, for a person to confirm.
    Correction,
    /// Something looks wrong and twir cannot say what is right.
    Doubt,
    /// Cannot be right (an unknown country code).
    Error,
}

/// One finding about a location.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub weight: Weight,
    pub message: String,
}

/// A location checked against the gazetteer and the house rules.
#[derive(Clone, Debug)]
pub struct Settled {
    /// The location in the house form, completed where the gazetteer could.
    pub location: Location,
    pub notes: Vec<Note>,
}

impl Settled {
    /// The heaviest finding, if any.
    pub fn weight(&self) -> Option<Weight> {
        self.notes.iter().map(|n| n.weight).max()
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

/// TWIR's spelling (`Hybrid` for hybrid events).
impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format(HYBRID_FORMS[0]))
    }
}

impl Location {
    pub fn new(mode: Mode, places: Vec<Place>) -> Location {
        Location {
            mode,
            places,
            area: None,
            continent: None,
        }
    }

    /// The location written with `hybrid` (`Hybrid` or `Virtual and In-Person`) for
    /// hybrid events.
    pub fn format(&self, hybrid: &str) -> String {
        let places = self
            .places
            .iter()
            .map(ToString::to_string)
            .chain(self.area.clone())
            .collect::<Vec<_>>()
            .join("; ");
        match (self.mode, places.is_empty()) {
            (Mode::InPerson, _) => places,
            (Mode::Virtual, true) => "Virtual".into(),
            (Mode::Virtual, false) => format!("Virtual ({places})"),
            (Mode::Hybrid, true) => hybrid.into(),
            (Mode::Hybrid, false) => format!("{hybrid} ({places})"),
        }
    }

    /// The region heading this location belongs under: virtual events under Virtual.
    pub fn home_region(&self) -> Option<Region> {
        match self.mode {
            Mode::Virtual => Some(Region::Virtual),
            Mode::InPerson | Mode::Hybrid => self.continent,
        }
    }

    /// Whether the location may stand under `region`: hybrid events are listed under
    /// Virtual and under their continent.
    pub fn fits(&self, region: Region) -> bool {
        match self.mode {
            Mode::Virtual => region == Region::Virtual,
            Mode::Hybrid => region == Region::Virtual || self.continent.is_none_or(|c| c == region),
            Mode::InPerson => self.continent.is_none_or(|c| c == region),
        }
    }

    /// Whether an events list may show the location under `region`: where it fits, and
    /// also a bare place under Virtual, as lists of 2021–2022 wrote a virtual event's
    /// place alone under `### Virtual` (the heading said it was virtual).
    pub fn fits_listing(&self, region: Region) -> bool {
        self.fits(region) || (region == Region::Virtual && self.mode == Mode::InPerson)
    }
}

/// Reads `written` and settles it: `None` when it cannot be read at all. A location
/// spelled otherwise than the house forms gets a [`Weight::Spelling`] note when no other
/// note explains the difference.
pub fn check(written: &str, rules: &Events) -> Option<Settled> {
    let loc = read(written)?;
    let mut settled = settle(&loc, rules);
    let accepted = HYBRID_FORMS
        .iter()
        .any(|h| settled.location.format(h) == written);
    let house = settled.location.format(&rules.hybrid);
    // Spelling alone: one finding that shows the whole house form.
    if !accepted && settled.weight().is_none_or(|w| w == Weight::Spelling) {
        settled.notes = vec![Note {
            weight: Weight::Spelling,
            message: format!("location `{written}` is not in the house form `{house}`"),
        }];
    }
    Some(settled)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> Events {
        Events::default()
    }

    /// The house form of `s` and the heaviest note.
    fn settled(s: &str) -> (String, Option<Weight>) {
        let c = check(s, &rules()).unwrap_or_else(|| panic!("{s}: unreadable"));
        (c.location.format(&rules().hybrid), c.weight())
    }

    #[test]
    fn house_forms_need_nothing() {
        for s in [
            "Copenhagen, DK",
            "Boston, MA, US",
            "Virtual",
            "Virtual (Cardiff, UK)",
            "Virtual (Indianapolis, IN, US)",
            "Hybrid (Vancouver, BC, CA)",
            "Hybrid (Seattle, WA, US)",
            "Hybrid (Paris, FR)",
            "Hybrid (Seattle/Bellevue, WA, US)",
            "Virtual and In-Person (Lehi, UT, US)",
            "Virtual (Redmond, WA, US; San Francisco, CA, US)",
            "Cologne/Köln, DE",
            "Nuremberg/Nürnberg, DE",
            "München, DE",
            "Praha, CZ",
            "Prague, CZ",
            "Sydney, AU",
            "Melbourne, AU",
            "Melbourne, VIC, AU",
            "Los Angeles (Chino Hills), CA, US",
            "Virtual (Israel)",
            "Virtual (Europe)",
            "Virtual (Europe / Africa)",
            "Virtual (Various)",
            "Istanbul, TR",
        ] {
            let c = check(s, &rules()).unwrap_or_else(|| panic!("{s}: unreadable"));
            assert!(c.notes.is_empty(), "{s}: {:?}", c.notes);
        }
    }

    #[test]
    fn other_spellings_are_spelling_warnings() {
        for (s, want) in [
            ("Virtual + In Person (Berlin, DE)", "Hybrid (Berlin, DE)"),
            ("Virtual + In-Person (Berlin, DE)", "Hybrid (Berlin, DE)"),
            (
                "Hybrid - Virtual and In-Person (Paris, FR)",
                "Hybrid (Paris, FR)",
            ),
            ("Munich, DE + Virtual", "Hybrid (Munich, DE)"),
            (
                "Albuquerque, NM, US  + Virtual",
                "Hybrid (Albuquerque, NM, US)",
            ),
            ("Virtual( Kampala, UG)", "Virtual (Kampala, UG)"),
            ("Praha, CZ - Virtual + In-person", "Hybrid (Praha, CZ)"),
            ("Hybrid (Paris, fr)", "Hybrid (Paris, FR)"),
            ("Copenhagen, Dk", "Copenhagen, DK"),
            ("Minneapolis, MN US", "Minneapolis, MN, US"),
            ("Berlin, Germany", "Berlin, DE"),
        ] {
            assert_eq!(
                settled(s),
                (want.to_string(), Some(Weight::Spelling)),
                "{s}"
            );
        }
    }

    #[test]
    fn half_written_places_are_completed() {
        for (s, want) in [
            ("São Paulo, SP", "São Paulo, SP, BR"),
            ("Portland, OR", "Portland, OR, US"),
            ("Portland, ME", "Portland, ME, US"),
            ("Toronto, CA", "Toronto, ON, CA"),
            ("Charlottesville, NC, US", "Charlottesville, VA, US"),
            ("Virtual (Berlin)", "Virtual (Berlin, DE)"),
        ] {
            assert_eq!(
                settled(s),
                (want.to_string(), Some(Weight::Correction)),
                "{s}"
            );
        }
    }

    #[test]
    fn unknown_countries_are_errors() {
        assert_eq!(settled("Nowhere, ZZ").1, Some(Weight::Error));
        assert_eq!(settled("Virtual (Nowhere, QQ)").1, Some(Weight::Error));
        // A famous city under the wrong country is doubtful, not corrected.
        assert_eq!(settled("Hamburg, FR").1, Some(Weight::Doubt));
        assert!(check("| |", &rules()).is_none());
    }

    #[test]
    fn house_rules_are_configurable() {
        let mut r = rules();
        r.hybrid = "Virtual and In-Person".into();
        r.state_required.push("AU".into());
        r.uk_code = "GB".into();
        let c = check("Hybrid (Sydney, AU)", &r).unwrap();
        assert_eq!(
            c.location.format(&r.hybrid),
            "Virtual and In-Person (Sydney, NSW, AU)"
        );
        let c = check("Cardiff, UK", &r).unwrap();
        assert_eq!(c.location.to_string(), "Cardiff, GB");
    }

    #[test]
    fn regions() {
        let r = rules();
        let at = |s: &str| settle(&read(s).unwrap(), &r).location;
        let v = at("Virtual (Cardiff, UK)");
        assert!(v.fits(Region::Virtual) && !v.fits(Region::Europe));
        let h = at("Hybrid (Seattle, WA, US)");
        assert!(h.fits(Region::Virtual) && h.fits(Region::NorthAmerica));
        assert!(!at("San Francisco, CA, US").fits(Region::Oceania));
        assert_eq!(at("Istanbul, TR").home_region(), Some(Region::Europe));
        assert_eq!(at("Tel Aviv, IL").home_region(), Some(Region::Asia));
    }
}
