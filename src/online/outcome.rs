//! What a link's answer means for an editor: there, moved for good, broken (a 404, a
//! dead host, a deep link sent to a home or login page), or not verifiable (a site that
//! refuses robots, a timeout). Pure: it reads a [`Probe`], it fetches nothing.

use crate::config::Online;
use crate::http::probe::{Failure, Probe, host};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Outcome {
    /// The page is there (after temporary redirects, if any), with its titles.
    Ok { titles: Vec<String> },
    /// Moved for good: `to` is where the redirects end, tracking parameters dropped.
    Moved { to: String, titles: Vec<String> },
    /// Not there. `serious`: a fact (404, no such host); otherwise it may pass (500).
    Broken { why: String, serious: bool },
    /// The site would not say (refuses robots, too slow).
    Unverifiable { why: String },
}

impl Outcome {
    /// Whether a run may trust it again without asking (failures are always asked again).
    pub fn lasts(&self) -> bool {
        matches!(self, Outcome::Ok { .. } | Outcome::Moved { .. })
    }

    pub fn titles(&self) -> &[String] {
        match self {
            Outcome::Ok { titles } | Outcome::Moved { titles, .. } => titles,
            _ => &[],
        }
    }
}

/// What the probe of `url` means. `titles` are the final page's.
pub fn judge(
    url: &str,
    probe: &Probe,
    titles: Vec<String>,
    online: &Online,
    timeout: u64,
) -> Outcome {
    let broken = |why: &str, serious: bool| Outcome::Broken {
        why: why.to_string(),
        serious,
    };
    let (status, end) = match &probe.end {
        Ok(end) => end,
        Err(f) => {
            return match f {
                Failure::Dns => broken("the host name does not resolve", true),
                Failure::Refused => broken("the connection was refused", true),
                Failure::Tls(m) => broken(&format!("the TLS handshake failed ({m})"), true),
                Failure::RedirectLoop => broken("its redirects go round in a loop", true),
                Failure::TooManyRedirects => broken("more than 10 redirects", true),
                Failure::Timeout => Outcome::Unverifiable {
                    why: format!("no answer within {timeout} s"),
                },
                Failure::Other(m) => broken(m, false),
            };
        }
    };
    let refuses_robots = host(url).is_some_and(|h| Online::host_in(&h, &online.refuses_robots));
    match *status {
        200..=299 => {
            if let Some(page) = soft_404(url, end).filter(|_| !probe.hops.is_empty()) {
                return broken(&format!("it redirects to {page} ({end})"), true);
            }
            let permanent = |s: u16| matches!(s, 301 | 308);
            let moved = probe.hops.first().is_some_and(|h| permanent(h.status))
                || probe.hops.last().is_some_and(|h| permanent(h.status));
            let to = crate::url::without_tracking(end);
            if moved && to != url {
                Outcome::Moved { to, titles }
            } else {
                Outcome::Ok { titles }
            }
        }
        404 => broken("HTTP 404 Not Found", true),
        410 => broken("HTTP 410 Gone", true),
        401 => broken("HTTP 401: it needs a login", true),
        403 | 429 if refuses_robots => Outcome::Unverifiable {
            why: format!("the site refused an automated request (HTTP {status})"),
        },
        429 => Outcome::Unverifiable {
            why: match probe.retry_after {
                Some(s) => format!("rate limited (HTTP 429, retry after {s} s)"),
                None => "rate limited (HTTP 429)".into(),
            },
        },
        403 => broken(
            "HTTP 403 Forbidden (if the site refuses robots, add it to [check.online] refuses_robots)",
            false,
        ),
        503 if probe.retry_after.is_some() => Outcome::Unverifiable {
            why: format!(
                "the server is busy (HTTP 503, retry after {} s)",
                probe.retry_after.unwrap_or(0)
            ),
        },
        500..=599 => broken(&format!("HTTP {status}, a server error (retried)"), false),
        300..=399 => broken(&format!("HTTP {status} without a place to go"), false),
        _ => broken(&format!("HTTP {status}"), true),
    }
}

/// A deep link that ends on a site's home or login page: the page it named is gone.
fn soft_404(from: &str, to: &str) -> Option<&'static str> {
    let path = |u: &str| -> String {
        let rest = u.split_once("://").map_or(u, |(_, r)| r);
        let rest = rest.split('#').next().unwrap_or("");
        rest.find('/')
            .map_or(String::new(), |i| rest[i..].to_string())
    };
    let deep = !path(from)
        .split('?')
        .next()
        .unwrap_or("")
        .trim_matches('/')
        .is_empty();
    if !deep {
        return None;
    }
    let to_path = path(to).to_ascii_lowercase();
    if to_path.trim_matches('/').is_empty() {
        return Some("the home page");
    }
    let login = [
        "login",
        "signin",
        "sign_in",
        "sign-in",
        "/auth",
        "/sso",
        "return_to",
        "returnto",
    ];
    login
        .iter()
        .any(|w| to_path.contains(w))
        .then_some("a login page")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::probe::Hop;

    fn probe(hops: &[(u16, &str)], end: Result<(u16, &str), Failure>) -> Probe {
        Probe {
            hops: hops
                .iter()
                .map(|(s, to)| Hop {
                    status: *s,
                    to: to.to_string(),
                })
                .collect(),
            end: end.map(|(s, u)| (s, u.to_string())),
            page: None,
            retry_after: None,
        }
    }

    fn judged(url: &str, p: Probe) -> Outcome {
        judge(url, &p, vec![], &Online::default(), 20)
    }

    #[test]
    fn redirects() {
        let u = "https://e.com/post";
        let moved = judged(
            u,
            probe(
                &[
                    (301, "https://e.com/p2"),
                    (308, "https://e.com/p3?utm_source=x"),
                ],
                Ok((200, "https://e.com/p3?utm_source=x")),
            ),
        );
        assert_eq!(
            moved,
            Outcome::Moved {
                to: "https://e.com/p3".into(),
                titles: vec![]
            }
        );
        let temporary = judged(
            u,
            probe(&[(302, "https://e.com/p2")], Ok((200, "https://e.com/p2"))),
        );
        assert_eq!(temporary, Outcome::Ok { titles: vec![] });
        let chain_ending_permanent = judged(
            u,
            probe(
                &[(302, "https://e.com/a"), (301, "https://e.com/b")],
                Ok((200, "https://e.com/b")),
            ),
        );
        assert!(matches!(chain_ending_permanent, Outcome::Moved { .. }));
    }

    #[test]
    fn soft_404s_and_failures() {
        let home = judged(
            "https://e.com/2019/article",
            probe(&[(301, "https://e.com/")], Ok((200, "https://e.com/"))),
        );
        assert!(
            matches!(home, Outcome::Broken { serious: true, ref why } if why.contains("home page"))
        );
        let login = judged(
            "https://e.com/doc/1",
            probe(
                &[(302, "https://e.com/accounts/login?next=/doc/1")],
                Ok((200, "https://e.com/accounts/login?next=/doc/1")),
            ),
        );
        assert!(matches!(login, Outcome::Broken { ref why, .. } if why.contains("login page")));
        let root = judged(
            "https://e.com",
            probe(&[(301, "https://e.com/")], Ok((200, "https://e.com/"))),
        );
        assert!(
            matches!(root, Outcome::Moved { .. }),
            "a home page moving is no soft 404"
        );
        assert!(matches!(
            judged("https://e.com/x", probe(&[], Ok((410, "https://e.com/x")))),
            Outcome::Broken { serious: true, .. }
        ));
        assert!(matches!(
            judged("https://e.com/x", probe(&[], Err(Failure::Timeout))),
            Outcome::Unverifiable { .. }
        ));
        assert!(matches!(
            judged(
                "https://www.reddit.com/r/rust",
                probe(&[], Ok((403, "https://www.reddit.com/r/rust")))
            ),
            Outcome::Unverifiable { .. }
        ));
        assert!(matches!(
            judged("https://e.com/x", probe(&[], Ok((403, "https://e.com/x")))),
            Outcome::Broken { serious: false, .. }
        ));
        assert!(matches!(
            judged("https://e.com/x", probe(&[], Ok((500, "https://e.com/x")))),
            Outcome::Broken { serious: false, .. }
        ));
    }
}
