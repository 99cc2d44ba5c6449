//! `twir.toml`: what a newsletter may change. Every default reproduces This Week in Rust.

use crate::diagnostic::Level;
use crate::events::Region;
use jiff::civil::Date;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The name of the configuration file at a newsletter's root.
pub const FILE_NAME: &str = "twir.toml";

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {cause}")]
    Read { path: String, cause: std::io::Error },
    #[error("{path}: {message}")]
    Parse { path: String, message: String },
    #[error("{path}: unknown lint `{code}` in [check.lints]")]
    UnknownLint { path: String, code: String },
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub newsletter: Newsletter,
    pub check: Check,
    pub events: Events,
    pub site: Site,
    pub github: GitHub,
    pub discourse: Discourse,
    pub gather: Gather,
}

/// The Discourse forum of the Crate and Quote of the Week threads, for `twir gather cotw`
/// and `qotw`.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Discourse {
    /// The forum's URL; the environment variable `TWIR_DISCOURSE_URL` overrides it.
    pub url: String,
    /// The topic where crates are nominated.
    pub cotw_topic: u64,
    /// The topic where quotes are nominated.
    pub qotw_topic: u64,
}

impl Default for Discourse {
    fn default() -> Self {
        Discourse {
            url: "https://users.rust-lang.org".into(),
            cotw_topic: 2704,
            qotw_topic: 328,
        }
    }
}

impl Discourse {
    /// The forum's base: `TWIR_DISCOURSE_URL` when set, else `url`.
    pub fn base(&self) -> String {
        std::env::var("TWIR_DISCOURSE_URL")
            .ok()
            .filter(|v| !v.trim().is_empty())
            .unwrap_or_else(|| self.url.clone())
    }
}

/// Where GitHub's API is, for `twir gather`.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GitHub {
    /// The REST API's base URL; the environment variable `TWIR_GITHUB_API` overrides it.
    pub api: String,
    /// The organization whose merged PRs are counted.
    pub org: String,
    /// The newsletter's repository, whose open PRs are submissions.
    pub repo: String,
    /// The git remote of that repository, to fetch the PRs' head commits from.
    pub remote: String,
}

impl Default for GitHub {
    fn default() -> Self {
        GitHub {
            api: "https://api.github.com".into(),
            org: "rust-lang".into(),
            repo: "rust-lang/this-week-in-rust".into(),
            remote: "origin".into(),
        }
    }
}

impl GitHub {
    /// The API base: `TWIR_GITHUB_API` when set, else `api`.
    pub fn base(&self) -> String {
        std::env::var("TWIR_GITHUB_API")
            .ok()
            .filter(|v| !v.trim().is_empty())
            .unwrap_or_else(|| self.api.clone())
    }
}

/// Settings of `twir gather`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Gather {
    pub perf: GatherPerf,
    pub project: GatherProject,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GatherPerf {
    /// Copy the report's summary table into the section too.
    pub summary_table: bool,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GatherProject {
    /// Which merged PRs go under which heading; the first match wins, the rest go under
    /// `Others`.
    pub groups: Vec<crate::gather::project::Group>,
}

impl Default for GatherProject {
    fn default() -> Self {
        GatherProject {
            groups: crate::gather::project::default_groups(),
        }
    }
}

/// Settings of `twir build`, `twir serve` and `twir email`.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Site {
    /// Where the site is published, without a trailing slash; feeds and canonical links
    /// are absolute.
    pub url: String,
    pub description: String,
    pub author: String,
    pub lang: String,
    /// Issues per page of the index.
    pub per_page: usize,
    /// Issues in each feed.
    pub feed_items: usize,
}

impl Default for Site {
    fn default() -> Self {
        Site {
            url: "https://this-week-in-rust.org".into(),
            description: "A weekly newsletter about Rust and the Rust community.".into(),
            author: "TWiR Contributors".into(),
            lang: "en".into(),
            per_page: 10,
            feed_items: 4,
        }
    }
}

/// Who the newsletter is and where its files live.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Newsletter {
    pub name: String,
    /// Published issues.
    pub content_dir: String,
    /// Drafts being assembled.
    pub draft_dir: String,
    /// The template of a new draft, relative to the root.
    pub template: String,
    /// The weekday issues come out on (`Wednesday`).
    pub weekday: String,
    /// A known issue's date and number; numbers go up by one a week from it. The
    /// weekday rule applies from this date on.
    pub reference_date: Date,
    pub reference_number: u32,
    /// File name of an issue; `{date}` becomes its `YYYY-MM-DD` date.
    pub file_name: String,
}

/// Settings of `twir events`.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Events {
    /// How Great Britain is written: TWIR writes `UK`; `GB` is the ISO code.
    pub uk_code: String,
    /// How a hybrid event's place is written: `Hybrid` (TWIR since 2024) or `Virtual and
    /// In-Person`. Both are accepted; other spellings get a warning with a fix to this one.
    pub hybrid: String,
    /// Countries whose places carry a state or province code (`Boston, MA, US`); in
    /// other countries a code is optional (`Sydney, AU` or `Sydney, NSW, AU`).
    pub state_required: Vec<String>,
    /// The region heading of a country where the newsletter files it otherwise than its
    /// continent in GeoNames (TWIR files Türkiye under Europe).
    pub regions: BTreeMap<String, Region>,
    /// Calendars and exports read by `twir events` besides those on the command line.
    pub sources: Vec<EventSource>,
}

/// The spellings of a hybrid event's place that need no fix: `Hybrid (City, CC)` and
/// `Virtual and In-Person (City, CC)`.
pub const HYBRID_FORMS: [&str; 2] = ["Hybrid", "Virtual and In-Person"];

/// One source of events. Exactly one of `ics` and `json` is set: a path relative to the
/// root, or an http(s) URL.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EventSource {
    pub ics: Option<String>,
    pub json: Option<String>,
    /// Organizer name for events that name none (iCalendar; else the calendar's name).
    pub organizer: Option<String>,
    pub organizer_url: Option<String>,
    /// The group's place, `City, CC`, for events whose location is an address or a link.
    pub location: Option<String>,
    /// Time zone for UTC times when the calendar names none (`Europe/Berlin`).
    pub timezone: Option<String>,
}

impl Default for Events {
    fn default() -> Self {
        Events {
            uk_code: "UK".into(),
            hybrid: HYBRID_FORMS[0].into(),
            state_required: vec!["US".into(), "CA".into()],
            regions: BTreeMap::from([("TR".into(), Region::Europe)]),
            sources: Vec::new(),
        }
    }
}

/// Settings of `twir check`.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Check {
    /// How many recent issues duplicate links are looked for in.
    pub recent: usize,
    /// Lint levels: `allow`, `warn` or `error`.
    pub lints: BTreeMap<String, Level>,
    /// Starts of lines that are boilerplate, not content, when deciding whether a
    /// section was filled in.
    pub boilerplate: Vec<String>,
    /// HTML tags allowed in issues, in addition to the built-in set.
    pub html_tags: Vec<String>,
    /// Prefixes allowed before a link, in addition to the built-in set.
    pub prefixes: Vec<String>,
    /// Sections holding community-submitted links (titles, any heading level): links
    /// there are compared against recent issues and checked for bare repositories.
    pub community_sections: Vec<String>,
    /// `twir check --online`.
    pub online: Online,
}

/// Settings of `twir check --online`.
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Online {
    /// Hosts never requested (`example.com` also covers its subdomains).
    pub skip: Vec<String>,
    /// Hosts that refuse automated requests (403/429): their refusals are notes
    /// (`link-unverifiable`), never errors.
    pub refuses_robots: Vec<String>,
    /// Requests in flight at once, overall (128, as lychee's default: the workers mostly
    /// wait on far servers) and to one host (4, to be polite).
    pub concurrency: usize,
    pub per_host: usize,
    /// Seconds one request may take.
    pub timeout: u64,
    /// Seconds all waits asked for by `Retry-After` may add up to.
    pub wait_budget: u64,
    /// Days a link that worked is trusted without asking again (failures are always
    /// asked again).
    pub fresh_days: u64,
}

impl Default for Online {
    fn default() -> Self {
        Online {
            skip: Vec::new(),
            // Sites that answer scripts with 403/429 (or a login wall) whatever the page.
            refuses_robots: [
                "crates.io",
                "docs.google.com",
                "linkedin.com",
                "medium.com",
                "npmjs.com",
                "reddit.com",
                "stackoverflow.com",
                "twitter.com",
                "x.com",
            ]
            .map(String::from)
            .to_vec(),
            concurrency: 128,
            per_host: 4,
            timeout: 20,
            wait_budget: 60,
            fresh_days: 7,
        }
    }
}

impl Online {
    /// Whether `host` is `name` or one of its subdomains.
    pub fn host_in(host: &str, names: &[String]) -> bool {
        let host = host.trim_start_matches("www.");
        names.iter().any(|n| {
            let n = n.trim_start_matches("www.");
            host == n || host.ends_with(&format!(".{n}"))
        })
    }
}

impl Default for Newsletter {
    fn default() -> Self {
        Newsletter {
            name: "This Week in Rust".into(),
            content_dir: "content".into(),
            draft_dir: "draft".into(),
            template: "draft/DRAFT_TEMPLATE".into(),
            weekday: "Wednesday".into(),
            reference_date: jiff::civil::date(2022, 1, 5),
            reference_number: 424,
            file_name: "{date}-this-week-in-rust.md".into(),
        }
    }
}

impl Default for Check {
    fn default() -> Self {
        Check {
            recent: 25,
            lints: BTreeMap::new(),
            boilerplate: [
                "[Please submit",
                "Always wanted to contribute",
                "Every week we highlight",
                "Some of these tasks may",
                "If you are a Rust project owner",
                "Are you a new or experienced speaker",
                "If you are an event organizer",
                "An important step for RFC",
                "implementation and give feedback",
                "RFCs would benefit from user testing",
                "If you are a feature implementer",
                "label to your RFC",
                "need testing.",
                "[Let us know]",
                "Changes to Rust follow",
                "are the RFCs that were approved",
                "Every week, [the team]",
                "which are reaching a decision",
                "Let us know if you would like",
                "*This Week in Rust is edited by",
                "This Week in Rust is edited by",
                "*Email list hosting is sponsored",
                "<small>[Discuss on r/rust]",
            ]
            .map(String::from)
            .to_vec(),
            html_tags: Vec::new(),
            prefixes: Vec::new(),
            community_sections: [
                "Updates from Rust Community",
                "News & Blog Posts",
                "Blog Posts",
                "News & Project Updates",
                "Notable New Crates & Project Updates",
                "New Crates & Project Updates",
                "Notable New Crates & Projects",
                "Project Updates",
                "New Projects",
                "Other Weeklies from Rust Community",
                "Videos",
                "Discussions",
            ]
            .map(String::from)
            .to_vec(),
            online: Online::default(),
        }
    }
}

impl Config {
    /// Parses a `twir.toml`; `path` only names the file in errors.
    pub fn parse(text: &str, path: &str) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| ConfigError::Parse {
            path: path.to_string(),
            message: e.to_string().trim_end().to_string(),
        })?;
        for (i, source) in config.events.sources.iter().enumerate() {
            if source.ics.is_some() == source.json.is_some() {
                return Err(ConfigError::Parse {
                    path: path.to_string(),
                    message: format!(
                        "[[events.sources]] entry {}: set exactly one of `ics` and `json`",
                        i + 1
                    ),
                });
            }
        }
        if !matches!(config.events.uk_code.as_str(), "UK" | "GB") {
            return Err(ConfigError::Parse {
                path: path.to_string(),
                message: "[events] uk_code must be \"UK\" or \"GB\"".into(),
            });
        }
        if config.weekday().is_none() {
            return Err(ConfigError::Parse {
                path: path.to_string(),
                message: format!(
                    "[newsletter] weekday = {:?}: choose Monday, Tuesday, Wednesday, Thursday, Friday, Saturday or Sunday",
                    config.newsletter.weekday
                ),
            });
        }
        for (key, url) in [
            ("[site] url", &config.site.url),
            ("[github] api", &config.github.api),
            ("[discourse] url", &config.discourse.url),
        ] {
            if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains(' ') {
                return Err(ConfigError::Parse {
                    path: path.to_string(),
                    message: format!(
                        "{key} = {url:?}: write an http(s) URL such as \"https://example.org\""
                    ),
                });
            }
        }
        if !HYBRID_FORMS.contains(&config.events.hybrid.as_str()) {
            return Err(ConfigError::Parse {
                path: path.to_string(),
                message: format!(
                    "[events] hybrid = {:?}: choose \"Hybrid\" or \"Virtual and In-Person\"",
                    config.events.hybrid
                ),
            });
        }
        for code in config
            .events
            .state_required
            .iter()
            .chain(config.events.regions.keys())
        {
            if crate::places::country(code).is_none() {
                return Err(ConfigError::Parse {
                    path: path.to_string(),
                    message: format!(
                        "[events] `{code}` is not an ISO 3166-1 country code (state_required, regions)"
                    ),
                });
            }
        }
        if config.site.per_page == 0 || config.site.feed_items == 0 {
            return Err(ConfigError::Parse {
                path: path.to_string(),
                message: "[site] per_page and feed_items must be at least 1".into(),
            });
        }
        if !config.newsletter.file_name.contains("{date}") {
            return Err(ConfigError::Parse {
                path: path.to_string(),
                message: "[newsletter] file_name must contain `{date}`".into(),
            });
        }
        let online = &config.check.online;
        if online.concurrency == 0 || online.per_host == 0 || online.timeout == 0 {
            return Err(ConfigError::Parse {
                path: path.to_string(),
                message: "[check.online] concurrency, per_host and timeout must be at least 1"
                    .into(),
            });
        }
        for code in config.check.lints.keys() {
            if crate::lint::find(code).is_none() {
                return Err(ConfigError::UnknownLint {
                    path: path.to_string(),
                    code: code.clone(),
                });
            }
        }
        Ok(config)
    }

    /// Reads `root/twir.toml`, or the defaults when there is none.
    pub fn load(root: &Path) -> Result<Config, ConfigError> {
        let path = root.join(FILE_NAME);
        match std::fs::read_to_string(&path) {
            Ok(text) => Config::parse(&text, &path.display().to_string()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(cause) => Err(ConfigError::Read {
                path: path.display().to_string(),
                cause,
            }),
        }
    }

    /// The weekday issues come out on, from its English name (`Wednesday`, `wed`).
    pub fn weekday(&self) -> Option<jiff::civil::Weekday> {
        use jiff::civil::Weekday;
        let name = self.newsletter.weekday.trim().to_ascii_lowercase();
        let full = [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ];
        // `wed` or `Wednesday`, not `Xyzday` or `wedding`.
        if !full
            .iter()
            .any(|f| *f == name || (name.len() == 3 && f.starts_with(&name)))
        {
            return None;
        }
        Some(match name.get(..3)? {
            "mon" => Weekday::Monday,
            "tue" => Weekday::Tuesday,
            "wed" => Weekday::Wednesday,
            "thu" => Weekday::Thursday,
            "fri" => Weekday::Friday,
            "sat" => Weekday::Saturday,
            "sun" => Weekday::Sunday,
            _ => return None,
        })
    }

    /// The file name of the issue dated `date`.
    pub fn file_name(&self, date: Date) -> String {
        self.newsletter
            .file_name
            .replace("{date}", &date.to_string())
    }

    /// The number an issue dated `date` has by the reference rule (one per week).
    pub fn number_for(&self, date: Date) -> Option<u32> {
        let days = (date - self.newsletter.reference_date).get_days();
        let weeks = (days as f64 / 7.0).round() as i64;
        u32::try_from(self.newsletter.reference_number as i64 + weeks).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_twir() {
        let c = Config::parse("", "twir.toml").unwrap();
        assert_eq!(c.check.recent, 25);
        assert_eq!(c.number_for(jiff::civil::date(2023, 12, 27)), Some(527));
        assert_eq!(c.number_for(jiff::civil::date(2024, 11, 13)), Some(573));
    }

    #[test]
    fn example_config_loads() {
        let text = include_str!("../examples/newsletter/twir.toml");
        let c = Config::parse(text, "examples/newsletter/twir.toml").unwrap();
        assert_eq!(c.newsletter.name, "This Week in Ferris");
    }

    #[test]
    fn unknown_keys_and_lints_are_errors() {
        assert!(Config::parse("[check]\nrecnt = 3\n", "t").is_err());
        let e = Config::parse("[check.lints]\nno-such-lint = \"warn\"\n", "t").unwrap_err();
        assert!(e.to_string().contains("no-such-lint"));
        let e = Config::parse("[[events.sources]]\norganizer = \"x\"\n", "t").unwrap_err();
        assert!(e.to_string().contains("exactly one of `ics` and `json`"));
        let e = Config::parse("[newsletter]\nweekday = \"Xyzday\"\n", "t").unwrap_err();
        assert!(
            e.to_string()
                .contains("weekday = \"Xyzday\": choose Monday"),
            "{e}"
        );
        assert!(Config::parse("[newsletter]\nweekday = \"wed\"\n", "t").is_ok());
        let e = Config::parse("[site]\nurl = \"example.org\"\n", "t").unwrap_err();
        assert!(
            e.to_string().contains("[site] url = \"example.org\""),
            "{e}"
        );
        let e = Config::parse("[events]\nhybrid = \"Mixed\"\n", "t").unwrap_err();
        assert!(e.to_string().contains("hybrid = \"Mixed\""), "{e}");
        let e = Config::parse("[events.regions]\nZZ = \"Europe\"\n", "t").unwrap_err();
        assert!(e.to_string().contains("`ZZ`"), "{e}");
        let e = Config::parse("[events.regions]\nIL = \"Atlantis\"\n", "t").unwrap_err();
        assert!(e.to_string().contains("Atlantis"), "{e}");
        let c = Config::parse(
            "[events]\nhybrid = \"Virtual and In-Person\"\nstate_required = [\"US\", \"AU\"]\n[events.regions]\nIL = \"Europe\"\n",
            "t",
        )
        .unwrap();
        assert_eq!(c.events.regions["IL"], Region::Europe);
        let c = Config::parse("[check.lints]\nrepo-link = \"allow\"\n", "t").unwrap();
        assert_eq!(c.check.lints["repo-link"], Level::Allow);
    }
}
