//! Settling a location against the gazetteer and the house rules: the country and state
//! of each place found or completed, codes in the house spelling, each finding weighed.

use super::{Location, Mode, Note, Place, Settled, Weight};
use crate::config::Events;
use crate::events::countries::{Region, region_of};
use crate::places::{self, City};

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
    let Some((country, state)) = settle_country(p, &found, rules, notes) else {
        return p.clone();
    };
    let here: Vec<City> = found
        .iter()
        .copied()
        .filter(|c| same_country(c.country, &country))
        .collect();
    let state = settle_state(p, &country, state, &here, rules, notes);
    // A famous city written under another country.
    if here.is_empty()
        && let Some(c) = found.first().filter(|c| c.thousands >= FAMOUS)
    {
        notes.push(Note {
            weight: Weight::Doubt,
            message: format!(
                "{} is in {}, not {country}",
                p.city,
                places::country(c.country).map_or(c.country, |c| c.name())
            ),
        });
    }
    Place {
        city: p.city.trim().to_string(),
        state,
        country,
    }
}

/// The country of a place as the house writes it, and its state as written or as the
/// country field turned out to hold it: a code, a state's code (`Portland, OR`), a
/// country's name, or nothing. `None` when no country can be made out.
fn settle_country(
    p: &Place,
    found: &[City],
    rules: &Events,
    notes: &mut Vec<Note>,
) -> Option<(String, Option<String>)> {
    let mut note = |weight, message: String| notes.push(Note { weight, message });
    let raw = p.country.trim();
    let up = raw.to_ascii_uppercase();
    let state = p.state.as_ref().map(|s| s.trim().to_string());
    let written = p.to_string();
    let in_state_coded = found.iter().find(|c| c.subdivision == up);
    if up.len() == 2 && places::country(&up).is_some() {
        let in_country = found.iter().any(|c| same_country(c.country, &up));
        if let Some(c) = in_state_coded.filter(|_| state.is_none() && !in_country) {
            // `Portland, ME`: Maine, not Montenegro.
            let cc = house_country(c.country, rules);
            let region = places::subdivision(c.country, &up).map_or(up.as_str(), |s| s.name());
            note(
                Weight::Correction,
                format!(
                    "`{written}` reads as {} in {region}: `{}, {up}, {cc}`",
                    p.city, p.city
                ),
            );
            return Some((cc, Some(up)));
        }
        if raw != up {
            note(
                Weight::Spelling,
                format!("country codes are written in capitals: `{up}`"),
            );
        }
        return Some((house_country(&up, rules), state));
    }
    if let Some(c) = in_state_coded.filter(|_| (2..=3).contains(&up.len())) {
        // `São Paulo, SP`: a state without its country.
        let cc = house_country(c.country, rules);
        note(
            Weight::Correction,
            format!("`{written}` lacks its country: `{}, {up}, {cc}`", p.city),
        );
        return Some((cc, Some(up)));
    }
    if let Some(c) = places::country_named(raw) {
        let cc = house_country(c.code, rules);
        note(
            Weight::Spelling,
            format!("write the country as its code: `{cc}` for {raw}"),
        );
        return Some((cc, state));
    }
    if !raw.is_empty() {
        note(Weight::Error, format!("`{raw}` is not a country code"));
        return None;
    }
    match found.first() {
        Some(c) => {
            let cc = house_country(c.country, rules);
            note(
                Weight::Correction,
                format!("`{}` lacks its country: {cc}", p.city),
            );
            Some((cc, state))
        }
        None => {
            note(
                Weight::Doubt,
                format!("`{}` is not a place twir knows; write `City, CC`", p.city),
            );
            None
        }
    }
}

/// The state of a place in `country`: checked against the places of that name in the
/// country (`here`), completed where the house rules want one.
fn settle_state(
    p: &Place,
    country: &str,
    state: Option<String>,
    here: &[City],
    rules: &Events,
    notes: &mut Vec<Note>,
) -> Option<String> {
    let mut note = |weight, message: String| notes.push(Note { weight, message });
    let best = here
        .iter()
        .find(|c| !c.subdivision.is_empty())
        .map(|c| c.subdivision);
    let required = rules
        .state_required
        .iter()
        .any(|c| same_country(c, country));
    let Some(st) = state else {
        if !required {
            return None;
        }
        let Some(right) = best else {
            note(
                Weight::Doubt,
                format!(
                    "places in {country} carry a state or province code: `City, ST, {country}`"
                ),
            );
            return None;
        };
        note(
            Weight::Correction,
            format!(
                "places in {country} carry a state or province code: `{}, {right}, {country}`",
                p.city
            ),
        );
        return Some(right.to_string());
    };
    let code = st.to_ascii_uppercase();
    if places::subdivision(country, &code).is_some() {
        if code != st {
            note(
                Weight::Spelling,
                format!("state codes are written in capitals: `{code}`"),
            );
        }
        return match best {
            Some(right) if !here.iter().any(|c| c.subdivision == code) => {
                note(
                    Weight::Correction,
                    format!("{} is in {right}, not {code}", p.city),
                );
                Some(right.to_string())
            }
            _ => Some(code),
        };
    }
    if let Some(s) = places::subdivision_named(country, &st) {
        note(
            Weight::Spelling,
            format!("write the state as its code: `{}` for {st}", s.code),
        );
        return Some(s.code.to_string());
    }
    match best {
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
