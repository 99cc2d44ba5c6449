//! iCalendar feeds (Google Calendar, Luma, Meetup) to event records: content lines with
//! their line numbers, events with their local dates, recurring events expanded inside the
//! window, cancelled ones dropped.
//!
//! Content lines are read here rather than with the `icalendar` crate because its parser
//! does not keep line numbers, and every message names the line it is about. Recurrence
//! rules are expanded by the `rrule` crate; time zones are `jiff`'s.

use super::location::{self, Location, Mode};
use super::pipeline::Window;
use super::record::{Link, Origin, Record};
use chrono::{Datelike, TimeZone as _, Timelike};
use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;

/// A feed that cannot be read at all.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{source_name}:{line}: {message}")]
pub struct IcsError {
    pub source_name: String,
    pub line: usize,
    pub message: String,
}

/// Settings that fill gaps a feed leaves, from the source's entry in `twir.toml`.
#[derive(Clone, Debug, Default)]
pub struct Defaults {
    /// Organizer name when events name none (else the calendar's name).
    pub organizer: Option<String>,
    pub organizer_url: Option<String>,
    /// Place of the group, `City, CC`, for events whose LOCATION is an address or a link.
    pub location: Option<String>,
    /// Time zone for UTC times when the calendar names none.
    pub timezone: Option<String>,
}

/// What a feed gave: records in the window and warnings about events left out.
#[derive(Debug, Default)]
pub struct Feed {
    pub records: Vec<Record>,
    pub warnings: Vec<String>,
}

/// A line number and what is wrong there.
type Problem = (usize, String);

/// One unfolded content line: `NAME;PARAM=VALUE:value`.
#[derive(Clone, Debug)]
struct Line {
    name: String,
    params: Vec<(String, String)>,
    value: String,
    /// 1-based line of its first physical line.
    line: usize,
}

impl Line {
    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Reads a feed. `name` names the source in messages.
pub fn parse(
    name: &str,
    text: &str,
    window: Window,
    defaults: &Defaults,
) -> Result<Feed, IcsError> {
    let err = |line: usize, message: String| IcsError {
        source_name: name.to_string(),
        line,
        message,
    };
    let lines = unfold(text).map_err(|(line, m)| err(line, m))?;
    let mut feed = Feed::default();
    let mut calendar_name = None;
    let mut calendar_tz = None;
    let mut stack: Vec<(String, usize)> = Vec::new();
    let mut events: Vec<(usize, Vec<Line>)> = Vec::new();
    for l in lines {
        match l.name.as_str() {
            "BEGIN" => {
                let component = l.value.to_ascii_uppercase();
                if component == "VEVENT"
                    && stack.last().map(|(c, _)| c.as_str()) == Some("VCALENDAR")
                {
                    events.push((l.line, Vec::new()));
                }
                stack.push((component, l.line));
            }
            "END" => match stack.pop() {
                Some((c, _)) if c.eq_ignore_ascii_case(&l.value) => {}
                Some((c, open)) => {
                    return Err(err(
                        l.line,
                        format!("END:{} closes BEGIN:{c} of line {open}", l.value),
                    ));
                }
                None => return Err(err(l.line, format!("END:{} without BEGIN", l.value))),
            },
            _ => match stack.last().map(|(c, _)| c.as_str()) {
                Some("VCALENDAR") if l.name == "X-WR-CALNAME" => {
                    calendar_name = Some(unescape(&l.value))
                }
                Some("VCALENDAR") if l.name == "X-WR-TIMEZONE" => {
                    calendar_tz = Some(l.value.clone())
                }
                Some("VEVENT") if stack.len() == 2 => {
                    if let Some((_, props)) = events.last_mut() {
                        props.push(l);
                    }
                }
                Some(_) => {}
                None => return Err(err(l.line, format!("{} outside BEGIN:VCALENDAR", l.name))),
            },
        }
    }
    if let Some((c, line)) = stack.pop() {
        return Err(err(line, format!("BEGIN:{c} is never closed")));
    }
    let zone_name = calendar_tz.or_else(|| defaults.timezone.clone());
    let zone = match &zone_name {
        Some(z) => Some(TimeZone::get(z).map_err(|_| err(1, format!("unknown time zone {z:?}")))?),
        None => None,
    };
    let no_organizer_link = std::cell::RefCell::default();
    let ctx = Context {
        name,
        window,
        zone,
        calendar_name,
        defaults,
        no_organizer_link: &no_organizer_link,
    };
    // Instances moved or cancelled one by one: `RECURRENCE-ID` events replace them.
    let overrides: Vec<(String, DateTime)> = events
        .iter()
        .filter_map(|(_, props)| {
            let uid = get(props, "UID")?.value.clone();
            let id = get(props, "RECURRENCE-ID")?;
            Some((uid, ctx.wall(id).ok()?.0))
        })
        .collect();
    for (line, props) in &events {
        match ctx.event(*line, props, &overrides) {
            Ok(mut records) => feed.records.append(&mut records),
            Err((at, message)) => feed
                .warnings
                .push(format!("{name}:{at}: {message}; event left out")),
        }
    }
    for organizer in no_organizer_link.into_inner() {
        feed.warnings.push(format!(
            "{name}: no page for the organizer {organizer:?}; its events are listed without \
             a link (set `organizer_url` for this source in twir.toml)"
        ));
    }
    Ok(feed)
}

fn get<'a>(props: &'a [Line], name: &str) -> Option<&'a Line> {
    props.iter().find(|l| l.name == name)
}

struct Context<'a> {
    name: &'a str,
    window: Window,
    /// Where UTC times are turned into local ones.
    zone: Option<TimeZone>,
    calendar_name: Option<String>,
    defaults: &'a Defaults,
    /// Organizers whose page no source gave, reported once each.
    no_organizer_link: &'a std::cell::RefCell<std::collections::BTreeSet<String>>,
}

impl Context<'_> {
    /// A date or date-time property as local wall time, and whether it was a bare date.
    fn wall(&self, l: &Line) -> Result<(DateTime, bool), Problem> {
        wall_time(&l.value, self.zone.as_ref())
            .ok_or_else(|| (l.line, format!("cannot read {} {:?}", l.name, l.value)))
    }

    /// The event's records. UTC times in it (`UNTIL`, `EXDATE`, ...) are read in the
    /// time zone of its `DTSTART` when that names one, else in the calendar's.
    fn event(
        &self,
        line: usize,
        props: &[Line],
        overrides: &[(String, DateTime)],
    ) -> Result<Vec<Record>, Problem> {
        let own = get(props, "DTSTART")
            .and_then(|d| d.param("TZID"))
            .and_then(|z| TimeZone::get(z.trim_matches('"')).ok());
        match own {
            Some(zone) => Context {
                zone: Some(zone),
                calendar_name: self.calendar_name.clone(),
                ..*self
            }
            .event_in_zone(line, props, overrides),
            None => self.event_in_zone(line, props, overrides),
        }
    }

    fn event_in_zone(
        &self,
        line: usize,
        props: &[Line],
        overrides: &[(String, DateTime)],
    ) -> Result<Vec<Record>, Problem> {
        if get(props, "STATUS").is_some_and(|s| s.value.eq_ignore_ascii_case("CANCELLED")) {
            return Ok(Vec::new());
        }
        let dtstart = get(props, "DTSTART").ok_or((line, "no DTSTART".to_string()))?;
        let (start, all_day) = self.wall(dtstart)?;
        let last_day = self.last_day(props, start, all_day)?;
        let length = start
            .date()
            .until(last_day)
            .map_err(|e| (dtstart.line, e.to_string()))?;
        let mut starts = vec![start];
        if let Some(rule) = get(props, "RRULE") {
            starts = self.expand(rule, start, all_day)?;
        }
        for rdate in props.iter().filter(|l| l.name == "RDATE") {
            for v in rdate.value.split(',') {
                let one = Line {
                    value: v.to_string(),
                    ..rdate.clone()
                };
                starts.push(self.wall(&one)?.0);
            }
        }
        let mut excluded: Vec<(Date, Option<Time>)> = Vec::new();
        for ex in props.iter().filter(|l| l.name == "EXDATE") {
            for v in ex.value.split(',') {
                let one = Line {
                    value: v.to_string(),
                    ..ex.clone()
                };
                let (w, date_only) = self.wall(&one)?;
                excluded.push((w.date(), (!date_only).then(|| w.time())));
            }
        }
        let uid = get(props, "UID").map(|u| u.value.as_str());
        let is_override = get(props, "RECURRENCE-ID").is_some();
        starts.sort();
        starts.dedup();
        starts.retain(|s| {
            let ex = excluded
                .iter()
                .any(|(d, t)| *d == s.date() && t.is_none_or(|t| t == s.time()));
            let moved = !is_override
                && get(props, "RRULE").is_some()
                && overrides
                    .iter()
                    .any(|(u, at)| Some(u.as_str()) == uid && at == s);
            !ex && !moved
        });
        let title = get(props, "SUMMARY")
            .map(|s| unescape(&s.value))
            .unwrap_or_default();
        if title.trim().is_empty() {
            return Err((line, "no SUMMARY".into()));
        }
        let url = get(props, "URL")
            .map(|u| u.value.clone())
            .or_else(|| get(props, "DESCRIPTION").and_then(|d| first_link(&unescape(&d.value))))
            .unwrap_or_default();
        let mut organizer = self.organizer(props);
        if let Some(o) = organizer.as_mut().filter(|o| o.url.is_empty()) {
            o.url = group_page(&url).unwrap_or_default();
        }
        if let Some(o) = organizer.as_ref().filter(|o| o.url.is_empty()) {
            // No link is better than a wrong one; say how to give the right one.
            self.no_organizer_link.borrow_mut().insert(o.text.clone());
        }
        let raw_location = get(props, "LOCATION")
            .map(|l| unescape(&l.value))
            .unwrap_or_default();
        let location = self.location(&raw_location);
        let origin = Origin {
            source: self.name.to_string(),
            line: Some(line),
        };
        Ok(starts
            .into_iter()
            .map(|s| Record {
                start: s.date(),
                end: s.date().checked_add(length).unwrap_or(s.date()),
                raw_location: raw_location.clone(),
                location: location.clone(),
                organizers: organizer.clone().into_iter().collect(),
                titles: vec![Link {
                    text: title.trim().to_string(),
                    url: url.clone(),
                }],
                written: None,
                listed_under: None,
                origin: origin.clone(),
            })
            .filter(|r| self.window.overlaps(r))
            .collect())
    }

    /// The event's last day, from DTEND (exclusive for all-day events) or DURATION.
    fn last_day(&self, props: &[Line], start: DateTime, all_day: bool) -> Result<Date, Problem> {
        let end = if let Some(dtend) = get(props, "DTEND") {
            self.wall(dtend)?.0
        } else if let Some(d) = get(props, "DURATION") {
            let bad = || (d.line, format!("cannot read DURATION {:?}", d.value));
            let span: jiff::Span = d.value.parse().map_err(|_| bad())?;
            start.checked_add(span).map_err(|_| bad())?
        } else {
            return Ok(start.date());
        };
        // An end at midnight (always so for all-day events) belongs to the day before, and
        // so does an evening meetup that runs past midnight (ends before 06:00).
        let next_day = start.date().tomorrow().ok() == Some(end.date());
        let overnight = !all_day && next_day && end.time() < Time::constant(6, 0, 0, 0);
        let last = if (all_day || end.time() == Time::midnight()) && end.date() > start.date() {
            end.date().yesterday().unwrap_or(end.date())
        } else if overnight {
            start.date()
        } else {
            end.date()
        };
        Ok(last.max(start.date()))
    }

    /// Occurrence starts of a recurring event near the window, in local wall time.
    fn expand(
        &self,
        rule: &Line,
        start: DateTime,
        all_day: bool,
    ) -> Result<Vec<DateTime>, Problem> {
        // The rule runs on wall-clock times (as a meetup at 19:00 recurs at 19:00 through
        // DST changes), so they are handed to `rrule` as if in UTC.
        let value = rewrite_until(&rule.value, self.zone.as_ref(), all_day)
            .ok_or_else(|| (rule.line, format!("cannot read UNTIL in {:?}", rule.value)))?;
        let bad = |e: rrule::RRuleError| (rule.line, format!("RRULE {:?}: {e}", rule.value));
        let parsed: rrule::RRule<rrule::Unvalidated> = value.parse().map_err(bad)?;
        let set = parsed.build(to_chrono(start)).map_err(bad)?;
        let lead = jiff::Span::new().days(1);
        let after = self
            .window
            .start
            .saturating_sub(lead)
            .to_datetime(Time::midnight());
        let before = self
            .window
            .end
            .saturating_add(lead.days(2))
            .to_datetime(Time::midnight());
        let result = set
            .after(to_chrono(after))
            .before(to_chrono(before))
            .all(1000);
        Ok(result.dates.iter().map(from_chrono).collect())
    }

    /// The organizer: the source's configured one, else `ORGANIZER`'s `CN`, else the
    /// calendar's name — never a bare e-mail address.
    fn organizer(&self, props: &[Line]) -> Option<Link> {
        let from_event = get(props, "ORGANIZER")
            .and_then(|o| {
                o.param("CN")
                    .map(|cn| cn.trim_matches('"').trim().to_string())
            })
            .filter(|cn| !cn.is_empty() && !cn.contains('@'));
        let text = self
            .defaults
            .organizer
            .clone()
            .or(from_event)
            .or_else(|| self.calendar_name.clone())?;
        let url = self.defaults.organizer_url.clone().unwrap_or_else(|| {
            get(props, "ORGANIZER")
                .map(|o| o.value.clone())
                .filter(|v| v.starts_with("http"))
                .unwrap_or_default()
        });
        Some(Link { text, url })
    }

    /// TWIR's form of a LOCATION: as written when it is one, else read from an address;
    /// a link or a video-call name means a virtual event at the group's place.
    fn location(&self, raw: &str) -> Option<Location> {
        let home = self.defaults.location.as_deref().and_then(location::read);
        let lower = raw.to_lowercase();
        let online = raw.trim().is_empty()
            || lower.starts_with("http")
            || [
                "zoom",
                "meet.google",
                "teams.microsoft",
                "jitsi",
                "online",
                "discord",
            ]
            .iter()
            .any(|w| lower.contains(w));
        if online && !lower.contains("in person") && !lower.contains("in-person") {
            if raw.trim().is_empty()
                && let Some(h) = &home
            {
                return Some(h.clone());
            }
            return Some(Location::new(
                Mode::Virtual,
                home.map(|h| h.places).unwrap_or_default(),
            ));
        }
        // A postal address also reads as places; take it as one only when its last part
        // is no country or state code.
        let written = location::read(raw).filter(|l| {
            l.places.iter().all(|p| {
                p.country.len() == 2
                    && (crate::places::country(&p.country).is_some()
                        || crate::places::subdivisions_coded(&p.country)
                            .next()
                            .is_some())
                    && !p.city.chars().any(|c| c.is_ascii_digit())
            })
        });
        written
            .or_else(|| location::from_address(raw))
            .or_else(|| location::read(raw))
            .or(home)
    }
}

/// Joins folded lines and splits each content line into name, parameters and value.
fn unfold(text: &str) -> Result<Vec<Line>, (usize, String)> {
    let mut logical: Vec<(usize, String)> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some(rest) = raw.strip_prefix([' ', '\t']) {
            match logical.last_mut() {
                Some((_, l)) => l.push_str(rest),
                None => return Err((i + 1, "the file starts with a continuation line".into())),
            }
        } else if !raw.is_empty() {
            logical.push((i + 1, raw.trim_start_matches('\u{feff}').to_string()));
        }
    }
    logical
        .into_iter()
        .map(|(line, l)| {
            content_line(&l)
                .map(|(name, params, value)| Line {
                    name,
                    params,
                    value,
                    line,
                })
                .ok_or((line, format!("not an iCalendar line: {:?}", shorten(&l))))
        })
        .collect()
}

fn shorten(s: &str) -> String {
    s.chars().take(60).collect()
}

type Parts = (String, Vec<(String, String)>, String);

/// `NAME;P=V;Q="a:b":value`: the first `:` outside quotes ends the parameters.
fn content_line(l: &str) -> Option<Parts> {
    let mut quoted = false;
    let mut colon = None;
    for (i, c) in l.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => {
                colon = Some(i);
                break;
            }
            _ => {}
        }
    }
    let colon = colon?;
    let (head, value) = (&l[..colon], &l[colon + 1..]);
    let mut parts = head.split(';');
    let name = parts.next()?.trim().to_ascii_uppercase();
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return None;
    }
    let params = parts
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.to_ascii_uppercase(), v.to_string()))
        .collect();
    Some((name, params, value.to_string()))
}

/// TEXT values escape `\,`, `\;`, `\\` and `\n`.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The organizer's page read from an event's, where the URL says it: a Meetup group's
/// page. A site's root is no organizer's page, so nothing is guessed elsewhere.
fn group_page(event_url: &str) -> Option<String> {
    let rest = event_url
        .strip_prefix("https://")
        .or_else(|| event_url.strip_prefix("http://"))?;
    let mut parts = rest.split('/');
    let host = parts.next().filter(|h| !h.is_empty())?;
    let scheme = &event_url[..event_url.len() - rest.len()];
    match (parts.next(), parts.next()) {
        (Some(group), Some("events")) if host.ends_with("meetup.com") && !group.is_empty() => {
            Some(format!("{scheme}{host}/{group}/"))
        }
        _ => None,
    }
}

fn first_link(text: &str) -> Option<String> {
    let at = text.find("https://").or_else(|| text.find("http://"))?;
    let rest = &text[at..];
    let end = rest
        .find(|c: char| c.is_whitespace() || "<>\"')]".contains(c))
        .unwrap_or(rest.len());
    Some(rest[..end].trim_end_matches(['.', ',']).to_string())
}

/// `20240104`, `20240104T190000` (local or with TZID: the wall time as written) or
/// `20240104T190000Z` (UTC, turned into `zone`'s wall time). The flag tells a bare date.
fn wall_time(value: &str, zone: Option<&TimeZone>) -> Option<(DateTime, bool)> {
    let v = value.trim();
    let date = |s: &str| -> Option<Date> {
        if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Date::new(
            s[..4].parse().ok()?,
            s[4..6].parse().ok()?,
            s[6..].parse().ok()?,
        )
        .ok()
    };
    match v.split_once('T') {
        None => Some((date(v)?.to_datetime(Time::midnight()), true)),
        Some((d, t)) => {
            let (t, utc) = match t.strip_suffix('Z') {
                Some(t) => (t, true),
                None => (t, false),
            };
            if t.len() != 6 || !t.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let time = Time::new(
                t[..2].parse().ok()?,
                t[2..4].parse().ok()?,
                t[4..].parse::<i8>().ok()?.min(59),
                0,
            )
            .ok()?;
            let wall = date(d)?.to_datetime(time);
            if !utc {
                return Some((wall, false));
            }
            let zone = zone.cloned().unwrap_or(TimeZone::UTC);
            let ts = TimeZone::UTC.to_timestamp(wall).ok()?;
            Some((ts.to_zoned(zone).datetime(), false))
        }
    }
}

/// The rule with `UNTIL` written as wall-clock time in the floating-UTC convention used
/// for the expansion.
fn rewrite_until(rule: &str, zone: Option<&TimeZone>, all_day: bool) -> Option<String> {
    let parts: Option<Vec<String>> = rule
        .split(';')
        .map(|p| match p.split_once('=') {
            Some((k, v)) if k.eq_ignore_ascii_case("UNTIL") => {
                let (mut w, date_only) = wall_time(v, zone)?;
                if date_only && !all_day {
                    w = w.date().to_datetime(Time::constant(23, 59, 59, 0));
                }
                Some(format!("UNTIL={}Z", w.strftime("%Y%m%dT%H%M%S")))
            }
            _ => Some(p.to_string()),
        })
        .collect();
    Some(parts?.join(";"))
}

fn to_chrono(w: DateTime) -> chrono::DateTime<rrule::Tz> {
    let naive = chrono::NaiveDate::from_ymd_opt(
        i32::from(w.year()),
        w.month().unsigned_abs().into(),
        w.day().unsigned_abs().into(),
    )
    .and_then(|d| {
        d.and_hms_opt(
            w.hour().unsigned_abs().into(),
            w.minute().unsigned_abs().into(),
            w.second().unsigned_abs().into(),
        )
    })
    .unwrap_or_default();
    rrule::Tz::UTC.from_utc_datetime(&naive)
}

fn from_chrono(d: &chrono::DateTime<rrule::Tz>) -> DateTime {
    let n = d.naive_utc();
    let date = Date::new(
        i16::try_from(n.year()).unwrap_or(i16::MAX),
        i8::try_from(n.month()).unwrap_or(1),
        i8::try_from(n.day()).unwrap_or(1),
    )
    .unwrap_or_default();
    let time = Time::new(
        i8::try_from(n.hour()).unwrap_or(0),
        i8::try_from(n.minute()).unwrap_or(0),
        i8::try_from(n.second()).unwrap_or(0),
        0,
    )
    .unwrap_or_default();
    date.to_datetime(time)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn window() -> Window {
        Window::from_issue_date(date(2024, 1, 3), 28)
    }

    fn feed(body: &str) -> Feed {
        let text = format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Rust Events\r\nX-WR-TIMEZONE:America/Los_Angeles\r\n{body}END:VCALENDAR\r\n"
        );
        parse("cal.ics", &text, window(), &Defaults::default()).unwrap()
    }

    fn dates(f: &Feed) -> Vec<String> {
        f.records.iter().map(|r| r.start.to_string()).collect()
    }

    #[test]
    fn utc_time_keeps_the_local_date() {
        // 23:30 in Los Angeles on the 4th is 07:30 UTC on the 5th.
        let f = feed(
            "BEGIN:VEVENT\r\nUID:1\r\nDTSTART:20240105T073000Z\r\nSUMMARY:Late meetup\r\nLOCATION:Los Angeles, CA, US\r\nEND:VEVENT\r\n",
        );
        assert_eq!(dates(&f), ["2024-01-04"]);
        assert_eq!(f.records[0].location_text("Hybrid"), "Los Angeles, CA, US");
        assert_eq!(f.records[0].organizers[0].text, "Rust Events");
        assert_eq!(
            group_page("https://www.meetup.com/rust-la/events/3/").as_deref(),
            Some("https://www.meetup.com/rust-la/")
        );
        // A site's root is no organizer's page.
        assert_eq!(group_page("https://berline.rs/hack"), None);
        assert_eq!(group_page("https://www.meetup.com/find/"), None);
    }

    #[test]
    fn recurrence_keeps_its_local_time_across_dst_and_until() {
        // 19:00 in New York every Thursday; DST ends on 2023-11-05 and the rule ends
        // with a UTC UNTIL on the evening of 2024-01-18 local time.
        let f = feed(
            "BEGIN:VEVENT\r\nUID:ny\r\nDTSTART;TZID=America/New_York:20231026T190000\r\n\
RRULE:FREQ=WEEKLY;UNTIL=20240119T000000Z\r\nSUMMARY:Rust NYC\r\nLOCATION:New York\\, NY\\, US\r\nEND:VEVENT\r\n",
        );
        assert_eq!(dates(&f), ["2024-01-04", "2024-01-11", "2024-01-18"]);
        // Early on the 4th in UTC is still the 3rd in Los Angeles.
        let f = feed(
            "BEGIN:VEVENT\r\nUID:e\r\nDTSTART:20240104T020000Z\r\nSUMMARY:E\r\nLOCATION:Los Angeles\\, CA\\, US\r\nEND:VEVENT\r\n",
        );
        assert_eq!(dates(&f), ["2024-01-03"]);
    }

    #[test]
    fn tzid_time_is_already_local() {
        let f = feed(
            "BEGIN:VEVENT\r\nUID:1\r\nDTSTART;TZID=Australia/Sydney:20240104T003000\r\nSUMMARY:Early\r\nLOCATION:Sydney, NSW, AU\r\nEND:VEVENT\r\n",
        );
        assert_eq!(dates(&f), ["2024-01-04"]);
    }

    #[test]
    fn weekly_rule_with_exdate_and_override() {
        let f = feed(
            "BEGIN:VEVENT\r\nUID:w\r\nDTSTART;TZID=Europe/Berlin:20231207T190000\r\nRRULE:FREQ=WEEKLY;BYDAY=TH\r\n\
EXDATE;TZID=Europe/Berlin:20240111T190000\r\nSUMMARY:Hack and Learn\r\nLOCATION:Berlin\\, DE\r\n\
URL:https://e.com/hack\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:w\r\nRECURRENCE-ID;TZID=Europe/Berlin:20240118T190000\r\nDTSTART;TZID=Europe/Berlin:20240119T190000\r\n\
SUMMARY:Hack and Learn (moved)\r\nLOCATION:Berlin\\, DE\r\nEND:VEVENT\r\n",
        );
        let mut d = dates(&f);
        d.sort();
        assert_eq!(d, ["2024-01-04", "2024-01-19", "2024-01-25"]);
    }

    #[test]
    fn cancelled_and_multi_day() {
        let f = feed(
            "BEGIN:VEVENT\r\nUID:c\r\nSTATUS:CANCELLED\r\nDTSTART:20240110\r\nSUMMARY:Gone\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:conf\r\nDTSTART;VALUE=DATE:20240115\r\nDTEND;VALUE=DATE:20240118\r\nSUMMARY:RustConf\r\n\
LOCATION:Moscone Center\\, 747 Howard St\\, San Francisco\\, CA 94103\\, USA\r\n\
DESCRIPTION:Tickets at https://rustconf.example/tickets.\r\nEND:VEVENT\r\n",
        );
        assert_eq!(f.records.len(), 1);
        let r = &f.records[0];
        assert_eq!((r.start, r.end), (date(2024, 1, 15), date(2024, 1, 17)));
        assert_eq!(r.titles[0].url, "https://rustconf.example/tickets");
        assert_eq!(r.location_text("Hybrid"), "San Francisco, CA, US");
    }

    #[test]
    fn folded_lines_and_errors_carry_line_numbers() {
        let f = feed(
            "BEGIN:VEVENT\r\nUID:f\r\nDTSTART:20240110T180000\r\nSUMMARY:A very long\r\n  title\r\nEND:VEVENT\r\n",
        );
        assert_eq!(f.records[0].titles[0].text, "A very long title");
        let broken =
            |text: &str| parse("bad.ics", text, window(), &Defaults::default()).unwrap_err();
        let e = broken("BEGIN:VCALENDAR\nBEGIN:VEVENT\nnot a line\nEND:VEVENT\nEND:VCALENDAR\n");
        assert_eq!(e.line, 3);
        let e = broken("BEGIN:VCALENDAR\nBEGIN:VEVENT\n");
        assert_eq!(
            (e.line, e.message.as_str()),
            (2, "BEGIN:VEVENT is never closed")
        );
        let f = feed("BEGIN:VEVENT\r\nUID:x\r\nDTSTART:2024-01-10\r\nSUMMARY:S\r\nEND:VEVENT\r\n");
        assert!(f.records.is_empty());
        assert_eq!(
            f.warnings,
            ["cal.ics:7: cannot read DTSTART \"2024-01-10\"; event left out"]
        );
    }
}
