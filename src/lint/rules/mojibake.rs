//! `mojibake`: UTF-8 text that was decoded as Windows-1252 or as Mac Roman and saved
//! again (`â€”` for `—`, `Ã¼` for `ü`, `‚Äô` for `’`), and bytes that are not UTF-8.

use crate::diagnostic::{Diagnostic, Level};
use crate::issue::Span;
use crate::issue::edit::Edit;
use crate::lint::{Ctx, Lint};

pub static LINT: Lint = Lint {
    code: "mojibake",
    default_level: Level::Error,
    unfinished: false,
    fixable: true,
    summary: "text garbled by a wrong encoding",
    levels: "\
error (safe fix): text garbled by a wrong encoding, bytes that are not UTF-8",
    explain: "\
When UTF-8 text passes through a tool that reads it as Windows-1252 (or, on a Mac, as Mac
Roman) and writes it back, every non-ASCII character turns into two to four others: `—`
becomes `â€”` or `‚Äî`, `ü` becomes `Ã¼` or `√º`, and 🦀 becomes `ðŸ¦€` or `ü¶Ä`.
`twir check --fix` restores the original text. A file that is not valid UTF-8 at all is
reported here too.

Example:
    * [FrÃ©dÃ©ric Ameye - Renault want to sell cars with rust!](https://www.youtube.com/watch?v=Z1xMvm3eS4k)
becomes
    * [Frédéric Ameye - Renault want to sell cars with rust!](https://www.youtube.com/watch?v=Z1xMvm3eS4k)",
    check: Some(check),
};

/// Windows-1252 bytes 0x80–0x9F (the five undefined ones pass through as C1 controls,
/// as Windows decoders do); 0xA0–0xFF are Latin-1.
const CP1252_80: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// Mac Roman bytes 0x80–0xFF.
const MAC_ROMAN_80: [char; 128] = [
    'Ä', 'Å', 'Ç', 'É', 'Ñ', 'Ö', 'Ü', 'á', 'à', 'â', 'ä', 'ã', 'å', 'ç', 'é', 'è', 'ê', 'ë', 'í',
    'ì', 'î', 'ï', 'ñ', 'ó', 'ò', 'ô', 'ö', 'õ', 'ú', 'ù', 'û', 'ü', '†', '°', '¢', '£', '§', '•',
    '¶', 'ß', '®', '©', '™', '´', '¨', '≠', 'Æ', 'Ø', '∞', '±', '≤', '≥', '¥', 'µ', '∂', '∑', '∏',
    'π', '∫', 'ª', 'º', 'Ω', 'æ', 'ø', '¿', '¡', '¬', '√', 'ƒ', '≈', '∆', '«', '»', '…', '\u{A0}',
    'À', 'Ã', 'Õ', 'Œ', 'œ', '–', '—', '“', '”', '‘', '’', '÷', '◊', 'ÿ', 'Ÿ', '⁄', '€', '‹', '›',
    'ﬁ', 'ﬂ', '‡', '·', '‚', '„', '‰', 'Â', 'Ê', 'Á', 'Ë', 'È', 'Í', 'Î', 'Ï', 'Ì', 'Ó', 'Ô',
    '\u{F8FF}', 'Ò', 'Ú', 'Û', 'Ù', 'ı', 'ˆ', '˜', '¯', '˘', '˙', '˚', '¸', '˝', '˛', 'ˇ',
];

#[derive(Clone, Copy)]
enum Codec {
    Windows1252,
    MacRoman,
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Windows1252 => "Windows-1252",
            Codec::MacRoman => "Mac Roman",
        }
    }

    /// The byte `c` stands for in this codec, for bytes 0x80 and up.
    fn byte(self, c: char) -> Option<u8> {
        if c.is_ascii() {
            return None;
        }
        match self {
            Codec::Windows1252 => {
                if ('\u{A0}'..='\u{FF}').contains(&c) {
                    return Some(c as u8);
                }
                CP1252_80
                    .iter()
                    .position(|&x| x == c)
                    .map(|i| 0x80 + i as u8)
            }
            Codec::MacRoman => MAC_ROMAN_80
                .iter()
                .position(|&x| x == c)
                .map(|i| 0x80 + i as u8),
        }
    }
}

/// A stretch of garbled text and what it was.
struct Run {
    span: Span,
    restored: String,
}

/// Garbled runs in `text` (offsets relative to it) for one codec.
fn runs(text: &str, codec: Codec) -> Vec<Run> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out: Vec<Run> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some((len, restored)) = sequence(&chars[i..], codec) else {
            i += 1;
            continue;
        };
        let start = chars[i].0;
        let end = chars.get(i + len).map_or(text.len(), |c| c.0);
        match out.last_mut() {
            Some(run) if run.span.end == start => {
                run.span.end = end;
                run.restored.push(restored);
            }
            _ => out.push(Run {
                span: Span::new(start, end),
                restored: restored.to_string(),
            }),
        }
        i += len;
    }
    out.retain(|r| plausible(text, r));
    out
}

/// One UTF-8 sequence spelled in `codec` characters at the start of `chars`.
fn sequence(chars: &[(usize, char)], codec: Codec) -> Option<(usize, char)> {
    let lead = codec.byte(chars.first()?.1)?;
    let n = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut bytes = vec![lead];
    for &(_, c) in chars.get(1..n)? {
        let b = codec.byte(c)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        bytes.push(b);
    }
    let s = std::str::from_utf8(&bytes).ok()?;
    Some((n, s.chars().next()?))
}

/// Rules out look-alikes in real text: a lone two-character pair must decode to a Latin
/// letter or common punctuation to count.
fn plausible(text: &str, run: &Run) -> bool {
    let garbled = run.span.slice(text).chars().count();
    let restored = run.restored.chars().count();
    if restored > 1 || garbled > 2 {
        return true;
    }
    run.restored
        .chars()
        .all(|c| ('\u{A0}'..='\u{24F}').contains(&c) || ('\u{2000}'..='\u{206F}').contains(&c))
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let issue = ctx.issue;
    if let Some(at) = issue.invalid_utf8 {
        let end = (at + '\u{FFFD}'.len_utf8()).min(issue.text.len());
        out.push(
            Diagnostic::new(
                LINT.code,
                Span::new(at, end),
                "file is not valid UTF-8 here",
            )
            .help("save the file as UTF-8; twir will not rewrite it until then"),
        );
    }
    for n in 1..=issue.lines.line_count() {
        let line = issue.lines.line_span(&issue.text, n);
        let text = issue.slice(line);
        if text.is_ascii() {
            continue;
        }
        for codec in [Codec::Windows1252, Codec::MacRoman] {
            let found = runs(text, codec);
            if found.is_empty() {
                continue;
            }
            let pairs: Vec<String> = found
                .iter()
                .take(3)
                .map(|r| format!("`{}` → `{}`", r.span.slice(text), r.restored))
                .collect();
            let edits = found
                .iter()
                .map(|r| Edit::new(r.span.shift(line.start), r.restored.clone()))
                .collect();
            let first = found[0].span.start;
            let last = found[found.len() - 1].span.end;
            out.push(
                Diagnostic::new(
                    LINT.code,
                    Span::new(line.start + first, line.start + last),
                    format!("text garbled by reading UTF-8 as {}", codec.name()),
                )
                .help(format!("restore {}", pairs.join(", ")))
                .safe_fix("restore the garbled text", edits),
            );
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;

    #[test]
    fn both_codecs() {
        let text = format!(
            "{HEADER}* [FrÃ©dÃ©ric - Whatâ€™s up](https://e.com)\nRusty Events ðŸ¦€\n\
| Regressions ‚ùå <br /> |\nRusty Events \u{F8FF}ü¶Ä\n* Implement events inÂ\u{a0}`SqlxDatabase`\n\
Plain Überblick, café — “quoted” – fine … ¬ ok\n"
        );
        assert_eq!(lines("mojibake", &text), [6, 7, 8, 9, 10]);
        let fixed = fixed("mojibake", &text);
        assert!(fixed.contains("[Frédéric - What’s up]"), "{fixed}");
        assert!(fixed.contains("Rusty Events 🦀\n| Regressions ❌ <br /> |\nRusty Events 🦀\n"));
        assert!(fixed.contains("events in\u{a0}`Sqlx"));
        assert!(lines("mojibake", &fixed).is_empty(), "idempotent");
    }

    #[test]
    fn invalid_utf8_is_reported() {
        let issue = crate::issue::Issue::parse("t.md", b"Title: x\n\nbad \xff\n");
        assert_eq!(issue.invalid_utf8, Some(14));
    }
}
