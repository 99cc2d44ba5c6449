//! The Pelican header block: `Key: value` lines at the top of an issue, ended by a blank line.

use super::span::Span;
use jiff::civil::Date;

/// One `Key: value` line of the header.
#[derive(Clone, Debug)]
pub struct Field {
    pub key: String,
    pub value: String,
    pub key_span: Span,
    pub value_span: Span,
    pub line_span: Span,
}

/// The header block with every field and where it sits.
#[derive(Clone, Debug, Default)]
pub struct Header {
    pub fields: Vec<Field>,
    /// Fields found after a blank line that broke the header in two. Pelican reads
    /// them as body text; twir still uses them for values and reports the break.
    pub stray: Vec<Field>,
    /// The blank line that broke the header, when there is one.
    pub blank_inside: Option<Span>,
    /// Everything up to and including the blank line that ends the header.
    pub span: Span,
}

/// Keys Pelican and TWIR use in headers; lines after a blank line that start with one
/// of these are taken as a header broken by the blank line.
const KNOWN_KEYS: &[&str] = &[
    "Title", "Number", "Date", "Category", "Tags", "Slug", "Author", "Authors", "Summary",
    "Modified", "Status", "Lang",
];

impl Header {
    /// The first field named `key` (case-insensitive), stray fields included.
    pub fn get(&self, key: &str) -> Option<&Field> {
        self.fields
            .iter()
            .chain(&self.stray)
            .find(|f| f.key.eq_ignore_ascii_case(key))
    }

    pub fn value(&self, key: &str) -> Option<&str> {
        self.get(key).map(|f| f.value.as_str())
    }

    /// The `Number` field as a number, when it is one.
    pub fn number(&self) -> Option<u32> {
        self.value("Number")?.trim().parse().ok()
    }

    /// The `Date` field as a calendar date (time of day ignored).
    pub fn date(&self) -> Option<Date> {
        parse_date(self.value("Date")?)
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }
}

/// Parses the header at the start of `text`.
pub fn parse(text: &str) -> Header {
    let mut header = Header::default();
    // Header lines until the first blank line.
    for (start, line) in (LineIter { text, offset: 0 }) {
        if line.trim().is_empty() {
            header.span = Span::new(0, next_line(text, start));
            break;
        }
        match field(line, start) {
            Some(f) => header.fields.push(f),
            None => {
                // Not a header at all (or a broken one): the body starts here.
                header.span = Span::new(0, start);
                return header;
            }
        }
        header.span = Span::new(0, next_line(text, start));
    }
    if header.fields.is_empty() {
        header.span = Span::new(0, 0);
        return header;
    }
    // Known keys right after the blank line mean the header was split by mistake.
    let mut stray = Vec::new();
    let mut end = header.span.end;
    for (start, line) in (LineIter {
        text,
        offset: header.span.end,
    }) {
        if line.trim().is_empty() {
            if !stray.is_empty() {
                end = next_line(text, start);
            }
            break;
        }
        match field(line, start) {
            Some(f) if KNOWN_KEYS.iter().any(|k| k.eq_ignore_ascii_case(&f.key)) => {
                stray.push(f);
                end = next_line(text, start);
            }
            _ => break,
        }
    }
    if !stray.is_empty() {
        let blank_start = text[..header.span.end].trim_end_matches(['\n', '\r']).len();
        header.blank_inside = Some(Span::new(next_line(text, blank_start), header.span.end));
        header.stray = stray;
        header.span.end = end;
    }
    header
}

fn field(line: &str, start: usize) -> Option<Field> {
    let colon = line.find(':')?;
    let key = &line[..colon];
    let ok = !key.is_empty()
        && key.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !ok {
        return None;
    }
    let rest = &line[colon + 1..];
    let lead = rest.len() - rest.trim_start().len();
    let value = rest.trim();
    let value_start = start + colon + 1 + lead;
    Some(Field {
        key: key.to_string(),
        value: value.to_string(),
        key_span: Span::new(start, start + colon),
        value_span: Span::new(value_start, value_start + value.len()),
        line_span: Span::new(start, start + line.len()),
    })
}

/// Offset of the line after the one starting at `start`.
fn next_line(text: &str, start: usize) -> usize {
    text[start..]
        .find('\n')
        .map_or(text.len(), |i| start + i + 1)
}

/// Lines with their start offsets, without line endings.
struct LineIter<'a> {
    text: &'a str,
    offset: usize,
}

impl<'a> Iterator for LineIter<'a> {
    type Item = (usize, &'a str);
    fn next(&mut self) -> Option<Self::Item> {
        if self.offset >= self.text.len() {
            return None;
        }
        let start = self.offset;
        let rest = &self.text[start..];
        let (line, advance) = match rest.find('\n') {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        self.offset += advance;
        Some((start, line.strip_suffix('\r').unwrap_or(line)))
    }
}

/// Parses the dates TWIR headers and file names carry: `2024-11-13`, `2020-12-2`,
/// `2014-03-11 23:45`. The time of day, when present, is ignored.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let day_part = s.split([' ', 'T']).next()?;
    let mut it = day_part.splitn(3, '-');
    let y: i16 = num(it.next()?, 4, 4)?;
    let m: i8 = num(it.next()?, 1, 2)?;
    let d: i8 = num(it.next()?, 1, 2)?;
    Date::new(y, m, d).ok()
}

fn num<T: std::str::FromStr>(s: &str, min: usize, max: usize) -> Option<T> {
    (s.len() >= min && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// The date a file name such as `2024-11-13-this-week-in-rust.md` carries, if any.
pub fn date_in_file_name(name: &str) -> Option<Date> {
    let mut parts = name.splitn(4, '-');
    let y = parts.next()?;
    let m = parts.next()?;
    let d = parts.next()?;
    let d: String = d.chars().take_while(char::is_ascii_digit).collect();
    parse_date(&format!("{y}-{m}-{d}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_and_spans() {
        let text = "Title: This Week in Rust 5\nNumber: 5\nDate: 2024-01-03\n\nBody";
        let h = parse(text);
        assert_eq!(h.fields.len(), 3);
        assert_eq!(h.number(), Some(5));
        assert_eq!(h.date(), Some(jiff::civil::date(2024, 1, 3)));
        assert_eq!(
            h.get("title").unwrap().value_span.slice(text),
            "This Week in Rust 5"
        );
        assert_eq!(&text[h.span.end..], "Body");
        assert!(h.blank_inside.is_none());
    }

    #[test]
    fn a_blank_line_inside_the_header_is_found() {
        let text = "Title: T 5\nNumber: 5\n\nDate: 2024-01-03\nCategory: C\n\nBody";
        let h = parse(text);
        assert_eq!(h.stray.len(), 2);
        assert_eq!(h.date(), Some(jiff::civil::date(2024, 1, 3)));
        assert_eq!(h.blank_inside.unwrap().slice(text), "\n");
        assert_eq!(&text[h.span.end..], "Body");
    }

    #[test]
    fn tolerant_dates() {
        assert_eq!(
            parse_date("2020-12-2"),
            Some(jiff::civil::date(2020, 12, 2))
        );
        assert_eq!(
            parse_date("2014-03-11 23:45"),
            Some(jiff::civil::date(2014, 3, 11))
        );
        assert_eq!(parse_date("2014-13-11"), None);
        assert_eq!(parse_date("soon"), None);
        assert_eq!(
            date_in_file_name("2020-11-4-this-week-in-rust.md"),
            Some(jiff::civil::date(2020, 11, 4))
        );
        assert_eq!(date_in_file_name("state-of-rust.rst"), None);
    }

    #[test]
    fn no_header() {
        let h = parse("# Just markdown\n\ntext");
        assert!(h.is_empty());
        assert_eq!(h.span, Span::new(0, 0));
    }
}
