//! A page's title as a reader sees it, and whether a link's text is that title.
//!
//! The title is `og:title`, else `<title>`, decoded from the page's charset (the
//! `Content-Type` header's, else a `<meta charset>`, else UTF-8), entities decoded,
//! spaces collapsed. Comparing ignores case and punctuation, and a site's name after a
//! separator (`Title | Blog`, `Title - DEV Community`, `Title · Issue #1 · o/r · GitHub`).

/// The page's titles, best first (`og:title`, then `<title>`), without repeats.
pub fn titles(head: &[u8], content_type: Option<&str>) -> Vec<String> {
    let text = decode(head, content_type);
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut site_name = None;
    let mut from = 0;
    while let Some(at) = lower[from..].find("<meta") {
        let start = from + at + "<meta".len();
        let end = lower[start..].find('>').map_or(lower.len(), |e| start + e);
        let attrs = attributes(&text[start..end]);
        let key = attrs
            .iter()
            .find(|(k, _)| k == "property" || k == "name")
            .map(|(_, v)| v.to_ascii_lowercase());
        let content = attrs.iter().find(|(k, _)| k == "content").map(|(_, v)| v);
        match (key.as_deref(), content) {
            (Some("og:title"), Some(c)) => found.push(clean(c)),
            (Some("og:site_name"), Some(c)) => site_name = Some(clean(c)),
            _ => {}
        }
        from = end;
    }
    if let Some(at) = lower.find("<title") {
        let open_end = lower[at..].find('>').map(|e| at + e + 1);
        if let Some(start) = open_end {
            let end = lower[start..]
                .find("</title")
                .map_or(lower.len(), |e| start + e);
            found.push(clean(&text[start..end]));
        }
    }
    found.retain(|t| !t.is_empty());
    if let Some(site) = site_name.filter(|s| !s.is_empty()) {
        // "Title | Site": the site's own name is the surest suffix to drop.
        let trimmed: Vec<String> = found
            .iter()
            .filter_map(|t| {
                let stem = t.strip_suffix(site.as_str())?;
                let stem =
                    stem.trim_end_matches(|c: char| c.is_whitespace() || SEPARATORS.contains(&c));
                (!stem.is_empty()).then(|| stem.to_string())
            })
            .collect();
        found.extend(trimmed);
    }
    let mut unique = Vec::new();
    for t in found {
        if !unique.contains(&t) {
            unique.push(t);
        }
    }
    unique
}

/// Characters that separate a title from a site's name.
const SEPARATORS: &[char] = &['|', '-', '–', '—', '·', '•', ':', '»'];

/// Whether `text` (a link's text, Markdown marks and all) says what one of `titles` says,
/// beyond case and punctuation, with or without a site name after a separator.
pub fn same(text: &str, titles: &[String]) -> bool {
    let text = normalize(text);
    !text.is_empty()
        && titles
            .iter()
            .any(|t| variants(t).any(|v| normalize(&v) == text))
}

/// Whether `text` ends in an ellipsis (cut by a tool), and which title it was cut from.
pub fn cut_from<'a>(text: &str, titles: &'a [String]) -> Option<&'a str> {
    let stem = text
        .trim_end()
        .strip_suffix('…')
        .or_else(|| text.trim_end().strip_suffix("..."))?;
    let stem = normalize(stem);
    titles
        .iter()
        .find(|t| {
            let t = normalize(t);
            t.len() > stem.len() && t.starts_with(&stem)
        })
        .map(String::as_str)
}

/// The title and its shorter forms with trailing parts after separators dropped.
fn variants(title: &str) -> impl Iterator<Item = String> + '_ {
    let cuts: Vec<usize> = title
        .char_indices()
        .filter(|&(i, c)| {
            SEPARATORS.contains(&c)
                && title[..i].ends_with(' ')
                && title[i + c.len_utf8()..].starts_with(' ')
        })
        .map(|(i, _)| i)
        .collect();
    std::iter::once(title.to_string())
        .chain(cuts.into_iter().map(|i| title[..i].trim().to_string()))
}

/// Lowercase letters and digits, single spaces between words.
fn normalize(s: &str) -> String {
    let mut out = String::new();
    for word in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Entities decoded, spaces collapsed.
fn clean(s: &str) -> String {
    entities(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The page's bytes as text in its charset.
fn decode(bytes: &[u8], content_type: Option<&str>) -> String {
    let declared = content_type.and_then(charset).or_else(|| {
        // `<meta charset="...">` or `<meta http-equiv="Content-Type" content="...; charset=...">`
        // sits in the first bytes, in ASCII.
        let start = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
        let at = start.find("charset=")?;
        let rest = start[at + "charset=".len()..].trim_start_matches(['"', '\'']);
        let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))?;
        Some(rest[..end].to_string())
    });
    let encoding = declared
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

fn charset(content_type: &str) -> Option<String> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset=")?;
    Some(
        lower[at + "charset=".len()..]
            .trim_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace())
            .split(';')
            .next()?
            .trim_matches('"')
            .to_string(),
    )
}

/// The attributes of a tag's inside, names lowercased.
fn attributes(inside: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = inside;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return out;
        }
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let name = rest[..name_end].to_ascii_lowercase();
        rest = rest[name_end..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            if let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') {
                let body = &after[1..];
                let end = body.find(q).unwrap_or(body.len());
                value = body[..end].to_string();
                rest = body.get(end + 1..).unwrap_or("");
            } else {
                let end = after.find(char::is_whitespace).unwrap_or(after.len());
                value = after[..end].to_string();
                rest = &after[end..];
            }
        }
        if name.is_empty() {
            return out;
        }
        out.push((name, value));
    }
}

/// HTML character references decoded: numeric ones and the named ones titles use.
fn entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|e| e + 1);
        let decoded = end
            .filter(|&e| rest[e..].starts_with(';'))
            .and_then(|e| reference(&rest[1..e]).map(|c| (c, e + 1)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn reference(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "middot" => '·',
        "bull" => '•',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn og_title_first_then_title_with_entities() {
        let html = br#"<html><head><title>Rust &amp; You &#8211; a &quot;talk&quot; | Blog</title>
<meta property="og:title" content='Rust &amp; You &#x2013; a "talk"'>
<meta property="og:site_name" content="Blog"></head>"#;
        assert_eq!(
            titles(html, Some("text/html; charset=utf-8")),
            ["Rust & You – a \"talk\"", "Rust & You – a \"talk\" | Blog"]
        );
    }

    #[test]
    fn latin1_pages_are_decoded() {
        let html = b"<title>Caf\xe9 cr\xe8me</title>";
        assert_eq!(
            titles(html, Some("text/html; charset=ISO-8859-1")),
            ["Café crème"]
        );
        let meta = b"<meta charset=\"latin1\"><title>na\xefve</title>";
        assert_eq!(titles(meta, None), ["naïve"]);
    }

    #[test]
    fn link_text_against_titles() {
        let t = |s: &str| vec![s.to_string()];
        assert!(same(
            "Announcing **Rust 1.75.0**",
            &t("Announcing Rust 1.75.0 | Rust Blog")
        ));
        assert!(same("my post", &t("My Post - DEV Community")));
        assert!(same(
            "Fix the `foo` bug",
            &t("Fix the foo bug · Issue #12 · owner/repo · GitHub")
        ));
        assert!(!same(
            "Something else entirely",
            &t("Announcing Rust 1.75.0")
        ));
        assert!(
            !same("Announcing", &t("Announcing Rust 1.75.0")),
            "a prefix is not the title"
        );
        assert_eq!(
            cut_from("Announcing Rust…", &t("Announcing Rust 1.75.0")),
            Some("Announcing Rust 1.75.0")
        );
        assert_eq!(
            cut_from("Announcing Rust", &t("Announcing Rust 1.75.0")),
            None
        );
    }
}
