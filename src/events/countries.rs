//! ISO 3166-1 alpha-2 country codes with their continents, and the state or province
//! codes TWIR requires for the United States, Canada and Australia.

use std::fmt;

/// The regions of TWIR's events list, in the order they are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

const AFRICA: &str = "AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR \
LS LY MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TG TN TZ UG YT ZA ZM ZW";
const ASIA: &str = "AE AF AM AZ BD BH BN BT CC CN CX CY GE HK ID IL IN IO IQ IR JO JP KG KH KP KR KW \
KZ LA LB LK MM MN MO MV MY NP OM PH PK PS QA SA SG SY TH TJ TL TM TR TW UZ VN YE";
const EUROPE: &str = "AD AL AT AX BA BE BG BY CH CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS \
IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA";
const NORTH_AMERICA: &str = "AG AI AW BB BL BM BQ BS BZ CA CR CU CW DM DO GD GL GP GT HN HT JM KN KY \
LC MF MQ MS MX NI PA PM PR SV SX TC TT UM US VC VG VI";
const OCEANIA: &str = "AS AU CK FJ FM GU KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV VU WF WS";
const SOUTH_AMERICA: &str = "AR BO BR CL CO EC FK GF GS GY PE PY SR UY VE";
const ANTARCTICA: &str = "AQ BV HM TF";

/// Codes that are not ISO 3166-1 but are in common use: TWIR writes `UK` for `GB`, and
/// Kosovo uses `XK`.
const EXTRA: &[(&str, Region)] = &[("UK", Region::Europe), ("XK", Region::Europe)];

/// Country names as addresses write them (English and the local name), for reading a
/// calendar's LOCATION. Codes are ISO 3166-1 alpha-2.
const NAMES: &[(&str, &str)] = &[
    ("argentina", "AR"),
    ("australia", "AU"),
    ("austria", "AT"),
    ("österreich", "AT"),
    ("bangladesh", "BD"),
    ("belgium", "BE"),
    ("belgië", "BE"),
    ("belgique", "BE"),
    ("brazil", "BR"),
    ("brasil", "BR"),
    ("bulgaria", "BG"),
    ("canada", "CA"),
    ("chile", "CL"),
    ("china", "CN"),
    ("colombia", "CO"),
    ("croatia", "HR"),
    ("czechia", "CZ"),
    ("czech republic", "CZ"),
    ("česko", "CZ"),
    ("denmark", "DK"),
    ("danmark", "DK"),
    ("egypt", "EG"),
    ("estonia", "EE"),
    ("finland", "FI"),
    ("suomi", "FI"),
    ("france", "FR"),
    ("germany", "DE"),
    ("deutschland", "DE"),
    ("ghana", "GH"),
    ("greece", "GR"),
    ("hong kong", "HK"),
    ("hungary", "HU"),
    ("india", "IN"),
    ("indonesia", "ID"),
    ("ireland", "IE"),
    ("israel", "IL"),
    ("italy", "IT"),
    ("italia", "IT"),
    ("japan", "JP"),
    ("kenya", "KE"),
    ("latvia", "LV"),
    ("lithuania", "LT"),
    ("luxembourg", "LU"),
    ("malaysia", "MY"),
    ("mexico", "MX"),
    ("méxico", "MX"),
    ("netherlands", "NL"),
    ("the netherlands", "NL"),
    ("nederland", "NL"),
    ("new zealand", "NZ"),
    ("nigeria", "NG"),
    ("norway", "NO"),
    ("norge", "NO"),
    ("pakistan", "PK"),
    ("peru", "PE"),
    ("philippines", "PH"),
    ("poland", "PL"),
    ("polska", "PL"),
    ("portugal", "PT"),
    ("romania", "RO"),
    ("serbia", "RS"),
    ("singapore", "SG"),
    ("slovakia", "SK"),
    ("slovenia", "SI"),
    ("south africa", "ZA"),
    ("south korea", "KR"),
    ("korea", "KR"),
    ("spain", "ES"),
    ("españa", "ES"),
    ("sweden", "SE"),
    ("sverige", "SE"),
    ("switzerland", "CH"),
    ("schweiz", "CH"),
    ("suisse", "CH"),
    ("taiwan", "TW"),
    ("thailand", "TH"),
    ("turkey", "TR"),
    ("türkiye", "TR"),
    ("uganda", "UG"),
    ("ukraine", "UA"),
    ("united arab emirates", "AE"),
    ("united kingdom", "UK"),
    ("great britain", "UK"),
    ("england", "UK"),
    ("scotland", "UK"),
    ("wales", "UK"),
    ("united states", "US"),
    ("united states of america", "US"),
    ("usa", "US"),
    ("uruguay", "UY"),
    ("vietnam", "VN"),
];

/// The code of a country written out (`Germany`, `Deutschland`, `USA`).
pub fn code_of_name(name: &str) -> Option<&'static str> {
    let lower = name.trim().to_lowercase();
    NAMES.iter().find(|(n, _)| *n == lower).map(|(_, c)| *c)
}

/// The continent of a country code (`DE`, `US`, `UK`).
pub fn region_of(code: &str) -> Option<Region> {
    if code.len() != 2 {
        return None;
    }
    let tables = [
        (AFRICA, Region::Africa),
        (ASIA, Region::Asia),
        (EUROPE, Region::Europe),
        (NORTH_AMERICA, Region::NorthAmerica),
        (OCEANIA, Region::Oceania),
        (SOUTH_AMERICA, Region::SouthAmerica),
        (ANTARCTICA, Region::Antarctica),
    ];
    tables
        .iter()
        .find(|(codes, _)| codes.split_ascii_whitespace().any(|c| c == code))
        .map(|&(_, r)| r)
        .or_else(|| EXTRA.iter().find(|(c, _)| *c == code).map(|&(_, r)| r))
}

const US_STATES: &str = "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO \
MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP";
const CA_PROVINCES: &str = "AB BC MB NB NL NS NT NU ON PE QC SK YT";
const AU_STATES: &str = "ACT NSW NT QLD SA TAS VIC WA";

/// The state codes a country requires in a location, or `None` if it requires none.
pub fn required_states(country: &str) -> Option<&'static str> {
    match country {
        "US" => Some(US_STATES),
        "CA" => Some(CA_PROVINCES),
        "AU" => Some(AU_STATES),
        _ => None,
    }
}

/// Whether `state` is a valid state code of `country` (which must require states).
pub fn is_state_of(state: &str, country: &str) -> bool {
    required_states(country).is_some_and(|s| s.split_ascii_whitespace().any(|c| c == state))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_iso_code_once() {
        let all: Vec<&str> = [
            AFRICA,
            ASIA,
            EUROPE,
            NORTH_AMERICA,
            OCEANIA,
            SOUTH_AMERICA,
            ANTARCTICA,
        ]
        .iter()
        .flat_map(|t| t.split_ascii_whitespace())
        .collect();
        let set: HashSet<_> = all.iter().collect();
        assert_eq!(set.len(), all.len(), "a code is listed twice");
        assert_eq!(all.len(), 249, "ISO 3166-1 has 249 codes");
    }

    #[test]
    fn continents() {
        assert_eq!(region_of("DE"), Some(Region::Europe));
        assert_eq!(region_of("UK"), Some(Region::Europe));
        assert_eq!(region_of("US"), Some(Region::NorthAmerica));
        assert_eq!(region_of("UG"), Some(Region::Africa));
        assert_eq!(region_of("NZ"), Some(Region::Oceania));
        assert_eq!(region_of("ZZ"), None);
        assert!(is_state_of("ACT", "AU"));
        assert!(!is_state_of("XX", "US"));
        assert_eq!(
            Region::from_heading("North America"),
            Some(Region::NorthAmerica)
        );
    }
}
