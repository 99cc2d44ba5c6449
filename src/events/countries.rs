//! The regions of the events list and which one a country belongs under.

use crate::config::Events;
use crate::places;
use std::fmt;

/// The regions of TWIR's events list, in the order they are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize)]
#[serde(try_from = "String")]
pub enum Region {
    Virtual,
    Africa,
    Asia,
    Europe,
    NorthAmerica,
    Oceania,
    SouthAmerica,
    /// Antarctica has no heading of its own in TWIR.
    Antarctica,
}

impl Region {
    pub const HEADINGS: [Region; 7] = [
        Region::Virtual,
        Region::Africa,
        Region::Asia,
        Region::Europe,
        Region::NorthAmerica,
        Region::Oceania,
        Region::SouthAmerica,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Region::Virtual => "Virtual",
            Region::Africa => "Africa",
            Region::Asia => "Asia",
            Region::Europe => "Europe",
            Region::NorthAmerica => "North America",
            Region::Oceania => "Oceania",
            Region::SouthAmerica => "South America",
            Region::Antarctica => "Antarctica",
        }
    }

    /// The region a `### Heading` names, if it names one.
    pub fn from_heading(title: &str) -> Option<Region> {
        let t = title.trim();
        Region::HEADINGS
            .into_iter()
            .chain([Region::Antarctica])
            .find(|r| r.name().eq_ignore_ascii_case(t))
    }
}

impl TryFrom<String> for Region {
    type Error = String;

    fn try_from(name: String) -> Result<Region, String> {
        Region::from_heading(&name).ok_or_else(|| {
            format!("unknown region {name:?}: choose Virtual, Africa, Asia, Europe, North America, Oceania or South America")
        })
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The region heading of a country: the configured one (`[events.regions]`), else its
/// continent in GeoNames. `None` for a code that is no country.
pub fn region_of(code: &str, rules: &Events) -> Option<Region> {
    if let Some(&r) = rules.regions.get(code) {
        return Some(r);
    }
    let country = places::country(code)?;
    if let Some(&r) = rules.regions.get(country.code) {
        return Some(r);
    }
    Some(match country.continent {
        "AF" => Region::Africa,
        "AS" => Region::Asia,
        "EU" => Region::Europe,
        "NA" => Region::NorthAmerica,
        "OC" => Region::Oceania,
        "SA" => Region::SouthAmerica,
        _ => Region::Antarctica,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_of_countries() {
        let rules = Events::default();
        for (code, region) in [
            ("DE", Region::Europe),
            ("UK", Region::Europe),
            ("GB", Region::Europe),
            ("US", Region::NorthAmerica),
            ("MX", Region::NorthAmerica),
            ("UG", Region::Africa),
            ("NZ", Region::Oceania),
            ("BR", Region::SouthAmerica),
            ("IL", Region::Asia),
            // TWIR files Türkiye under Europe, not GeoNames' Asia.
            ("TR", Region::Europe),
        ] {
            assert_eq!(region_of(code, &rules), Some(region), "{code}");
        }
        assert_eq!(region_of("ZZ", &rules), None);
        let mut moved = Events::default();
        moved.regions.insert("IL".into(), Region::Europe);
        assert_eq!(region_of("IL", &moved), Some(Region::Europe));
        assert_eq!(
            Region::from_heading("North America"),
            Some(Region::NorthAmerica)
        );
    }
}
