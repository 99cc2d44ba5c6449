//! Event locations: TWIR's written forms (`City, CC`, `City, ST, CC`, `Virtual (City, CC)`,
//! `Hybrid (City, CC)`), read leniently ([`read`], [`from_address`]) and then settled
//! against the gazetteer and the house rules ([`settle`]): half-written places completed
//! (`Portland, OR` → `Portland, OR, US`), wrong states and countries found, each country
//! given its region.

use super::countries::{Region, region_of};
use crate::config::{Events, HYBRID_FORMS};
use crate::places::{self, City};
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

/// Words that say how people attend, longest first so `Virtual and In-Person` goes whole.
const MODE_WORDS: &[&str] = &[
    "virtual and in-person",
    "virtual and in person",
    "virtual + in-person",
    "virtual + in person",
    "in-person",
    "in person",
    "virtual",
    "online",
    "hybrid",
];

/// Reads a location as people write it (`Virtual + In Person (Berlin, DE)`, `Munich, DE +
/// Virtual`, `Virtual( Kampala, UG)`, `São Paulo, SP`, `Minneapolis, MN US`, `Virtual
/// (Israel)`), without judging it. `None` when nothing can be made of it.
pub fn read(s: &str) -> Option<Location> {
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = collapsed.to_ascii_lowercase();
    let is_virtual = lower.contains("virtual") || lower.contains("online");
    let in_person = lower.contains("in person") || lower.contains("in-person");
    let hybrid = lower.contains("hybrid")
        || (is_virtual && in_person)
        // `Munich, DE + Virtual`: a place first, then "virtual".
        || (is_virtual && !lower.starts_with("virtual") && !lower.starts_with("online"));
    let mode = match (hybrid, is_virtual) {
        (true, _) => Mode::Hybrid,
        (false, true) => Mode::Virtual,
        (false, false) => Mode::InPerson,
    };
    // Parentheses wrap the places only after a word saying how people attend; elsewhere
    // they belong to a name (`Los Angeles (Chino Hills), CA, US`).
    let wrapped = match (collapsed.find('('), collapsed.rfind(')')) {
        (Some(a), Some(b)) if a < b && MODE_WORDS.iter().any(|w| lower[..a].contains(w)) => {
            Some(collapsed[a + 1..b].to_string())
        }
        _ => None,
    };
    let places_text = wrapped.unwrap_or_else(|| {
        let mut t = collapsed.clone();
        for w in MODE_WORDS {
            while let Some(at) = t.to_ascii_lowercase().find(w) {
                t.replace_range(at..at + w.len(), " ");
            }
        }
        t.trim_matches(|c: char| c.is_whitespace() || "+-&/".contains(c))
            .to_string()
    });
    let parts: Vec<&str> = places_text
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut loc = Location::new(mode, Vec::new());
    match parts.as_slice() {
        [] if mode == Mode::InPerson => return None,
        [] => {}
        // `Virtual (Israel)`, `Virtual (Europe / Africa)`: a country or an area.
        [one] if mode == Mode::Virtual && !one.contains(',') => loc.area = Some(one.to_string()),
        _ => {
            loc.places = parts
                .iter()
                .map(|p| loose_place(p))
                .collect::<Option<_>>()?
        }
    }
    Some(loc)
}

/// `City, CC`, `City, ST, CC`, `City, ST CC` or a bare `City`, as written.
fn loose_place(s: &str) -> Option<Place> {
    let parts: Vec<&str> = s
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let (last, rest) = parts.split_last()?;
    let words: Vec<&str> = last.split_whitespace().collect();
    let code = |w: &str| (2..=3).contains(&w.len()) && w.chars().all(|c| c.is_ascii_alphanumeric());
    let place = match (rest, words.as_slice()) {
        ([], _) => Place {
            city: last.to_string(),
            state: None,
            country: String::new(),
        },
        // `Minneapolis, MN US`
        (city, [st, cc]) if code(st) && code(cc) => Place {
            city: city.join(", "),
            state: Some(st.to_string()),
            country: cc.to_string(),
        },
        ([city @ .., st], _) if !city.is_empty() => Place {
            city: city.join(", "),
            state: Some(st.to_string()),
            country: last.to_string(),
        },
        (city, _) => Place {
            city: city.join(", "),
            state: None,
            country: last.to_string(),
        },
    };
    let city_ok = !place.city.is_empty() && !place.city.contains(['|', '[', ']', '+']);
    city_ok.then_some(place)
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
    let country = places::country_named(last).map(|c| c.code).or_else(|| {
        let up = last.to_ascii_uppercase();
        (up.len() == 2 && places::country(&up).is_some()).then_some(places::country(&up)?.code)
    })?;
    let words = |p: &str| -> Vec<String> {
        p.split_whitespace()
            .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
            .map(str::to_string)
            .collect()
    };
    let (state_part, before) = rest.split_last()?;
    let w = words(state_part);
    // `San Francisco, CA 94103` or `Sydney NSW 2000`: a subdivision code as written.
    let at = w.iter().position(|x| {
        x.len() <= 3
            && x.bytes().all(|b| b.is_ascii_uppercase())
            && places::subdivision(country, x).is_some()
    });
    let (city, state) = match at {
        Some(0) => (words(before.last()?).join(" "), Some(w[0].clone())),
        Some(i) => (w[..i].join(" "), Some(w[i].clone())),
        None => (w.join(" "), None),
    };
    (!city.is_empty()).then(|| {
        Location::new(
            Mode::InPerson,
            vec![Place {
                city,
                state,
                country: country.to_string(),
            }],
        )
    })
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
    if !accepted && settled.notes.is_empty() {
        settled.notes.push(Note {
            weight: Weight::Spelling,
            message: format!("location `{written}` is not in the house form `{house}`"),
        });
    }
    Some(settled)
}

/// Settles a location read from any source: each place completed and checked against the
/// gazetteer, codes in the house spelling, the region set.
pub fn settle(loc: &Location, rules: &Events) -> Settled {
    let mut notes = Vec::new();
    let mut out = loc.clone();
    out.places = loc
        .places
        .iter()
        .map(|p| settle_place(p, rules, &mut notes))
        .collect();
    if let Some(area) = &loc.area {
        settle_area(area, &mut out, rules, &mut notes);
    }
    if loc.mode != Mode::Virtual && out.places.is_empty() {
        notes.push(Note {
            weight: Weight::Doubt,
            message: "no place given; write `City, CC`".into(),
        });
    }
    out.continent = out
        .places
        .first()
        .and_then(|p| region_of(&p.country, rules));
    Settled {
        location: out,
        notes,
    }
}

/// Parts of the world a virtual event may name instead of a place.
const AREAS: &[&str] = &[
    "various",
    "worldwide",
    "global",
    "world",
    "international",
    "americas",
    "latin america",
    "emea",
    "apac",
    "asia pacific",
];

fn settle_area(area: &str, out: &mut Location, rules: &Events, notes: &mut Vec<Note>) {
    let known = |piece: &str| {
        let folded = places::fold(piece);
        folded.is_empty()
            || Region::from_heading(piece).is_some()
            || AREAS.contains(&folded.as_str())
            || places::country_named(piece).is_some()
    };
    if area.split(['/', '&', ',']).all(known) {
        return;
    }
    // `Virtual (Berlin)`: a city alone.
    if let Some(best) = places::cities(area).first().filter(|c| c.thousands >= 100) {
        let place = Place {
            city: area.to_string(),
            state: None,
            country: house_country(best.country, rules),
        };
        let place = settle_place(&place, rules, notes);
        notes.push(Note {
            weight: Weight::Correction,
            message: format!("`{area}` lacks its country; it reads as `{place}`"),
        });
        out.area = None;
        out.places.push(place);
        return;
    }
    notes.push(Note {
        weight: Weight::Doubt,
        message: format!("`{area}` cannot be read as a place, a country or a part of the world"),
    });
}

/// How a country code is written: ISO's, but Great Britain as the newsletter writes it.
fn house_country(code: &str, rules: &Events) -> String {
    match code {
        "GB" | "UK" => rules.uk_code.clone(),
        c => c.to_string(),
    }
}

/// The names a written city may go by: `Seattle/Bellevue`, `Nuremberg/Nürnberg` and
/// `Los Angeles (Chino Hills)` name two each.
fn city_names(city: &str) -> Vec<String> {
    let mut names = vec![city.to_string()];
    let outside: String = city
        .split(['(', ')'])
        .step_by(2)
        .collect::<Vec<_>>()
        .join(" ");
    names.extend(
        city.split(['/', '(', ')'])
            .chain([outside.as_str()])
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
    );
    names.dedup();
    names
}

fn candidates(city: &str) -> Vec<City> {
    let mut all: Vec<City> = city_names(city)
        .iter()
        .flat_map(|n| places::cities(n))
        .collect();
    all.sort_by_key(|c| (std::cmp::Reverse(c.thousands), c.country, c.subdivision));
    all.dedup();
    all
}

fn same_country(a: &str, b: &str) -> bool {
    places::country(a).map(|c| c.code) == places::country(b).map(|c| c.code)
}

/// A city this big is what people mean by its name, whatever country was written.
const FAMOUS: u32 = 100;

fn settle_place(p: &Place, rules: &Events, notes: &mut Vec<Note>) -> Place {
    let found = candidates(&p.city);
    let written = p.to_string();
    let mut note = |weight, message: String| notes.push(Note { weight, message });
    let raw = p.country.trim();
    let up = raw.to_ascii_uppercase();
    let mut state = p.state.as_ref().map(|s| s.trim().to_string());
    let in_country = |cc: &str| -> Vec<City> {
        found
            .iter()
            .copied()
            .filter(|c| same_country(c.country, cc))
            .collect()
    };

    // The country: a code, a code that is really a state's, a name, or nothing.
    let country: String = if up.len() == 2 && places::country(&up).is_some() {
        match found.iter().find(|c| c.subdivision == up) {
            // `Portland, ME`: Maine, not Montenegro.
            Some(c) if state.is_none() && in_country(&up).is_empty() => {
                state = Some(up.clone());
                let cc = house_country(c.country, rules);
                note(
                    Weight::Correction,
                    format!(
                        "`{written}` reads as {} in {}, `{}, {up}, {cc}`",
                        p.city,
                        places::subdivision(c.country, &up).map_or(up.as_str(), |s| s.name()),
                        p.city
                    ),
                );
                cc
            }
            _ => {
                if raw != up {
                    note(
                        Weight::Spelling,
                        format!("country codes are written in capitals: `{up}`"),
                    );
                }
                up.clone()
            }
        }
    } else if let Some(c) = (!raw.is_empty() && (2..=3).contains(&up.len()))
        .then(|| found.iter().find(|c| c.subdivision == up))
        .flatten()
    {
        // `São Paulo, SP`, `Portland, OR`: a state without its country.
        let cc = house_country(c.country, rules);
        state = Some(up.clone());
        note(
            Weight::Correction,
            format!("`{written}` lacks its country: `{}, {up}, {cc}`", p.city),
        );
        cc
    } else if let Some(c) = places::country_named(raw) {
        let cc = house_country(c.code, rules);
        note(
            Weight::Spelling,
            format!("write the country as its code: `{cc}` for {raw}"),
        );
        cc
    } else if raw.is_empty() {
        match found.first() {
            Some(c) => {
                let cc = house_country(c.country, rules);
                note(
                    Weight::Correction,
                    format!("`{}` lacks its country: {cc}", p.city),
                );
                cc
            }
            None => {
                note(
                    Weight::Doubt,
                    format!("`{}` is not a place twir knows; write `City, CC`", p.city),
                );
                return p.clone();
            }
        }
    } else {
        note(Weight::Error, format!("`{raw}` is not a country code"));
        return p.clone();
    };
    let country = house_country(&country, rules);

    // The state: a code of the country, a name of one of its states, or none.
    let here = in_country(&country);
    let best_state = here
        .iter()
        .find(|c| !c.subdivision.is_empty())
        .map(|c| c.subdivision);
    let required = rules
        .state_required
        .iter()
        .any(|c| same_country(c, &country));
    let state = match state {
        Some(st) => {
            let code = st.to_ascii_uppercase();
            if places::subdivision(&country, &code).is_some() {
                if code != st {
                    note(
                        Weight::Spelling,
                        format!("state codes are written in capitals: `{code}`"),
                    );
                }
                match best_state {
                    Some(right) if !here.iter().any(|c| c.subdivision == code) => {
                        note(
                            Weight::Correction,
                            format!("{} is in {right}, not {code}", p.city),
                        );
                        Some(right.to_string())
                    }
                    _ => Some(code),
                }
            } else if let Some(s) = places::subdivision_named(&country, &st) {
                note(
                    Weight::Spelling,
                    format!("write the state as its code: `{}` for {st}", s.code),
                );
                Some(s.code.to_string())
            } else {
                match best_state {
                    Some(right) => {
                        note(
                            Weight::Correction,
                            format!(
                                "`{st}` is not a state of {country}; {} is in {right}",
                                p.city
                            ),
                        );
                        Some(right.to_string())
                    }
                    None => {
                        note(Weight::Doubt, format!("`{st}` is not a state of {country}"));
                        Some(st)
                    }
                }
            }
        }
        None if required => match best_state {
            Some(right) => {
                note(
                    Weight::Correction,
                    format!(
                        "places in {country} carry a state or province code: `{}, {right}, {country}`",
                        p.city
                    ),
                );
                Some(right.to_string())
            }
            None => {
                note(
                    Weight::Doubt,
                    format!(
                        "places in {country} carry a state or province code: `City, ST, {country}`"
                    ),
                );
                None
            }
        },
        None => None,
    };

    // A famous city written under another country.
    if here.is_empty()
        && let Some(c) = found.first().filter(|c| c.thousands >= FAMOUS)
    {
        note(
            Weight::Doubt,
            format!(
                "{} is in {}, not {country}",
                p.city,
                places::country(c.country).map_or(c.country, |c| c.name())
            ),
        );
    }
    Place {
        city: p.city.trim().to_string(),
        state,
        country,
    }
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
