//! Reading a location as people write it, without judging it: the mode words
//! (`Virtual + In Person`, `Hybrid -`, `+ Virtual`), the places in or out of parentheses,
//! and postal addresses as calendars give them.

use super::{Location, Mode, Place};
use crate::places;

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

/// The non-empty, trimmed parts of `s` between commas.
fn comma_parts(s: &str) -> Vec<&str> {
    s.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// `City, CC`, `City, ST, CC`, `City, ST CC` or a bare `City`, as written.
fn loose_place(s: &str) -> Option<Place> {
    let parts = comma_parts(s);
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
    let parts = comma_parts(s);
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
