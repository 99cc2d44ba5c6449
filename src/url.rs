//! Light URL handling for links in issues: splitting, the normal form used to compare
//! links, tracking parameters and link shorteners.

/// A URL cut into its parts; the parts are slices of the original.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parts<'a> {
    pub scheme: &'a str,
    pub host: &'a str,
    pub port: Option<&'a str>,
    pub path: &'a str,
    pub query: Option<&'a str>,
    pub fragment: Option<&'a str>,
}

/// Splits `scheme://host[:port]/path?query#fragment`. `None` for anything without `://`.
pub fn split(url: &str) -> Option<Parts<'_>> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme.is_empty()
        || !scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
    {
        return None;
    }
    let (rest, fragment) = match rest.split_once('#') {
        Some((a, f)) => (a, Some(f)),
        None => (rest, None),
    };
    let (rest, query) = match rest.split_once('?') {
        Some((a, q)) => (a, Some(q)),
        None => (rest, None),
    };
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) if p.bytes().all(|b| b.is_ascii_digit()) && !p.is_empty() => (h, Some(p)),
        _ => (authority, None),
    };
    Some(Parts {
        scheme,
        host,
        port,
        path,
        query,
        fragment,
    })
}

/// Query parameters that only tell a site where a reader came from.
pub fn is_tracking_param(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.starts_with("utm_")
        || n.starts_with("mtm_")
        || n.starts_with("pk_")
        || matches!(
            n.as_str(),
            "fbclid"
                | "gclid"
                | "dclid"
                | "msclkid"
                | "yclid"
                | "mc_cid"
                | "mc_eid"
                | "aff"
                | "ref_src"
                | "ref_url"
                | "igshid"
                | "si"
                | "_hsenc"
                | "_hsmi"
                | "mkt_tok"
                | "trk"
                | "sr_share"
                | "share_from"
                | "s_cid"
                | "oly_enc_id"
                | "vero_id"
                | "wickedid"
                | "__s"
        )
}

/// The tracking parameters in `url`'s query, in order.
pub fn tracking_params(url: &str) -> Vec<&str> {
    let Some(parts) = split(url) else {
        return Vec::new();
    };
    parts
        .query
        .into_iter()
        .flat_map(|q| q.split('&'))
        .filter(|kv| {
            let name = kv.split('=').next().unwrap_or("");
            // `si` tracks only on YouTube and Spotify share links.
            is_tracking_param(name)
                && (name != "si" || parts.host.contains("youtu") || parts.host.contains("spotify"))
        })
        .collect()
}

/// `url` without its tracking parameters (and without `?` if nothing is left).
pub fn without_tracking(url: &str) -> String {
    let tracking = tracking_params(url);
    if tracking.is_empty() {
        return url.to_string();
    }
    let Some(q_at) = url.find('?') else {
        return url.to_string();
    };
    let (before, after) = url.split_at(q_at);
    let (query, fragment) = match after[1..].split_once('#') {
        Some((q, f)) => (q, Some(f)),
        None => (&after[1..], None),
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|kv| !kv.is_empty() && !tracking.contains(kv))
        .collect();
    let mut out = before.to_string();
    if !kept.is_empty() {
        out.push('?');
        out.push_str(&kept.join("&"));
    }
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// The form two links are compared in: https, lower-case host without `www.`, no
/// default port, no tracking parameters, no trailing slash, `youtu.be` as `youtube.com`.
pub fn normalise(url: &str) -> String {
    let clean = without_tracking(url.trim());
    let Some(p) = split(&clean) else {
        return clean;
    };
    let scheme = match p.scheme.to_ascii_lowercase().as_str() {
        "http" | "https" => "https".to_string(),
        s => s.to_string(),
    };
    let mut host = p.host.to_ascii_lowercase();
    if let Some(h) = host.strip_prefix("www.") {
        host = h.to_string();
    }
    if host == "m.youtube.com" {
        host = "youtube.com".into();
    }
    let mut path = p.path.trim_end_matches('/').to_string();
    let mut query = p.query.map(str::to_string);
    if host == "youtu.be" {
        query = Some(format!("v={}", path.trim_start_matches('/')));
        host = "youtube.com".into();
        path = "/watch".into();
    }
    let port = p
        .port
        .filter(|&port| !matches!((scheme.as_str(), port), ("https", "443") | ("https", "80")));
    let mut out = format!("{scheme}://{host}");
    if let Some(port) = port {
        out.push(':');
        out.push_str(port);
    }
    out.push_str(&path);
    if let Some(q) = query.filter(|q| !q.is_empty()) {
        out.push('?');
        out.push_str(&q);
    }
    if let Some(f) = p.fragment.filter(|f| !f.is_empty()) {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// Hosts whose links hide where they go.
pub const SHORTENERS: &[&str] = &[
    "bit.ly",
    "goo.gl",
    "t.co",
    "tinyurl.com",
    "ow.ly",
    "buff.ly",
    "is.gd",
    "t.ly",
    "rb.gy",
    "shorturl.at",
    "cutt.ly",
    "tiny.cc",
    "lnkd.in",
    "dlvr.it",
    "amzn.to",
    "bit.do",
    "rebrand.ly",
    "s.id",
    "v.gd",
    "shorturl.com",
    "forms.gle",
    "maps.app.goo.gl",
    "g.co",
    "t.me",
];

/// Whether `url` goes through a link shortener.
pub fn is_shortened(url: &str) -> bool {
    let Some(p) = split(url) else {
        return false;
    };
    let host = p.host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    // `t.me` is Telegram's own address, not a shortener.
    host != "t.me" && SHORTENERS.contains(&host) && p.path.len() > 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_form() {
        assert_eq!(
            normalise("http://www.Example.com/a/?utm_source=x&b=1"),
            "https://example.com/a?b=1"
        );
        assert_eq!(
            normalise("https://example.com:443/a/"),
            "https://example.com/a"
        );
        assert_eq!(
            normalise("https://youtu.be/Q4NUKNU2uX8"),
            normalise("https://www.youtube.com/watch?v=Q4NUKNU2uX8")
        );
    }

    #[test]
    fn tracking() {
        let u = "https://e.com/e?aff=ebdssbonlinesearch&keep_tld=1#top";
        assert_eq!(tracking_params(u), ["aff=ebdssbonlinesearch"]);
        assert_eq!(without_tracking(u), "https://e.com/e?keep_tld=1#top");
        assert_eq!(
            without_tracking("https://e.com/?utm_source=a"),
            "https://e.com/"
        );
        assert!(tracking_params("https://e.com/?si=1").is_empty());
        assert_eq!(tracking_params("https://youtu.be/x?si=abc"), ["si=abc"]);
    }

    #[test]
    fn shorteners() {
        assert!(is_shortened("https://goo.gl/maps/w2ogftac6mqpBbvt5"));
        assert!(!is_shortened("https://t.me/golangmalaysia"));
        assert!(!is_shortened("https://github.com/x"));
    }
}
