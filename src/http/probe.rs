//! Asking whether a web page is there: one request at a time, redirects followed by hand
//! (so each hop and its status are known), HEAD where the host answers it and GET
//! otherwise, only the first [`HEAD_BYTES`] of a page read (for its title), a timeout per
//! request, `Retry-After` obeyed within a total budget, server errors retried with
//! backoff, no cookies. What the answers mean is for the caller ([`crate::online`]).

use std::collections::HashSet;
use std::io::Read;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The most of a page read: titles are in its head.
pub const HEAD_BYTES: u64 = 256 * 1024;
/// Redirects followed before giving up.
const MAX_HOPS: usize = 10;
/// Retries after a server error.
const RETRIES: u32 = 2;
/// The first wait after a server error; doubled for each retry.
const BACKOFF: Duration = Duration::from_millis(300);
/// Sites sniff for browsers; this says it is one, and which tool it is.
pub const USER_AGENT: &str = concat!(
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) twir/",
    env!("CARGO_PKG_VERSION"),
    " (link checker; +https://github.com/rust-lang/this-week-in-rust)"
);

/// One redirect: its status and where it pointed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hop {
    pub status: u16,
    pub to: String,
}

/// How a request failed before any answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    Dns,
    Refused,
    Tls(String),
    Timeout,
    RedirectLoop,
    TooManyRedirects,
    Other(String),
}

/// What asking for a URL gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Probe {
    pub hops: Vec<Hop>,
    /// The last answer's status and URL, or why there was none.
    pub end: Result<(u16, String), Failure>,
    /// The start of the page's body, when it was read (GET of a 2xx page), with the
    /// `Content-Type` it came with.
    pub page: Option<(Vec<u8>, Option<String>)>,
    /// Seconds the server asked to wait (429/503) that did not fit the budget.
    pub retry_after: Option<u64>,
}

/// One answer: its status, `Location`, the page's head (GET of a 2xx page) with its
/// `Content-Type`, and a `Retry-After` that did not fit the budget.
struct Answer {
    status: u16,
    location: Option<String>,
    page: Option<(Vec<u8>, Option<String>)>,
    retry_after: Option<u64>,
}

/// Asks for pages.
pub struct Prober {
    agent: ureq::Agent,
    /// `Retry-After` waits stop here.
    wait_until: Instant,
    /// Hosts that refused HEAD (405/501): asked with GET from then on.
    no_head: Mutex<HashSet<String>>,
    pub requests: AtomicUsize,
}

impl Prober {
    /// `in_flight` (overall, per host) sizes the pool of kept-alive connections.
    pub fn new(timeout: Duration, wait_budget: Duration, in_flight: (usize, usize)) -> Prober {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .max_idle_connections(in_flight.0)
            .max_idle_connections_per_host(in_flight.1)
            .http_status_as_error(false)
            .max_redirects(0)
            .user_agent(USER_AGENT)
            .accept("text/html,application/xhtml+xml,*/*;q=0.8")
            .build()
            .into();
        Prober {
            agent,
            wait_until: Instant::now() + wait_budget,
            no_head: Mutex::new(HashSet::new()),
            requests: AtomicUsize::new(0),
        }
    }

    /// Follows `url` to its end. With `read_page` the page is fetched with GET and its
    /// head kept; otherwise HEAD is tried first.
    pub fn probe(&self, url: &str, read_page: bool) -> Probe {
        let mut hops = Vec::new();
        let mut seen = HashSet::from([url.to_string()]);
        let mut at = url.to_string();
        loop {
            let answer = self.ask(&at, read_page);
            let Answer {
                status,
                location,
                page,
                retry_after,
            } = match answer {
                Ok(a) => a,
                Err(f) => {
                    return Probe {
                        hops,
                        end: Err(f),
                        page: None,
                        retry_after: None,
                    };
                }
            };
            if let (300..=399, Some(location)) = (status, &location) {
                let next = join(&at, location);
                hops.push(Hop {
                    status,
                    to: next.clone(),
                });
                let failure = if !seen.insert(next.clone()) {
                    Some(Failure::RedirectLoop)
                } else if hops.len() > MAX_HOPS {
                    Some(Failure::TooManyRedirects)
                } else {
                    None
                };
                if let Some(f) = failure {
                    return Probe {
                        hops,
                        end: Err(f),
                        page: None,
                        retry_after: None,
                    };
                }
                at = next;
                continue;
            }
            return Probe {
                hops,
                end: Ok((status, at)),
                page,
                retry_after,
            };
        }
    }

    /// One URL, no redirects followed.
    fn ask(&self, url: &str, read_page: bool) -> Result<Answer, Failure> {
        let host = host(url).unwrap_or_default();
        let mut get = read_page || self.no_head.lock().is_ok_and(|h| h.contains(&host));
        let mut attempt = 0;
        loop {
            self.requests.fetch_add(1, Ordering::Relaxed);
            let result = if get {
                self.agent.get(url).call()
            } else {
                self.agent.head(url).call()
            };
            let mut resp = match result {
                Ok(r) => r,
                Err(e) => return Err(failure(e)),
            };
            let header = |name: &str| super::header(&resp, name);
            let status = resp.status().as_u16();
            let location = header("location");
            let content_type = header("content-type");
            let retry_after = header("retry-after").and_then(|v| seconds(&v));
            if !get && !(200..400).contains(&status) {
                // Many servers answer HEAD wrongly; only GET's answer counts.
                if matches!(status, 405 | 501)
                    && let Ok(mut h) = self.no_head.lock()
                {
                    h.insert(host.clone());
                }
                get = true;
                continue;
            }
            match status {
                429 | 503 if attempt < RETRIES + 1 => {
                    let wait = Duration::from_secs(retry_after.unwrap_or(1).max(1));
                    if Instant::now() + wait > self.wait_until {
                        return Ok(Answer {
                            status,
                            location: None,
                            page: None,
                            retry_after,
                        });
                    }
                    attempt += 1;
                    std::thread::sleep(wait);
                    continue;
                }
                500..=599 if attempt < RETRIES => {
                    attempt += 1;
                    std::thread::sleep(BACKOFF * 2u32.pow(attempt - 1));
                    continue;
                }
                _ => {}
            }
            let page = if get && (200..300).contains(&status) {
                let mut head = Vec::new();
                let _ = resp
                    .body_mut()
                    .as_reader()
                    .take(HEAD_BYTES)
                    .read_to_end(&mut head);
                Some((head, content_type))
            } else {
                None
            };
            return Ok(Answer {
                status,
                location,
                page,
                retry_after: None,
            });
        }
    }
}

fn failure(e: ureq::Error) -> Failure {
    match e {
        ureq::Error::HostNotFound => Failure::Dns,
        ureq::Error::Timeout(_) => Failure::Timeout,
        ureq::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused => Failure::Refused,
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => Failure::Timeout,
            _ => Failure::Other(io.to_string()),
        },
        ureq::Error::Tls(m) => Failure::Tls(m.to_string()),
        ureq::Error::Rustls(e) => Failure::Tls(e.to_string()),
        other => Failure::Other(other.to_string()),
    }
}

/// `Retry-After` in seconds: a number, or an HTTP date from now.
fn seconds(value: &str) -> Option<u64> {
    if let Ok(n) = value.trim().parse::<u64>() {
        return Some(n);
    }
    let when = jiff::fmt::rfc2822::parse(value.trim()).ok()?.timestamp();
    let now = jiff::Timestamp::now();
    Some(u64::try_from(when.as_second() - now.as_second()).unwrap_or(0))
}

/// The host of an absolute URL, lowercased, with its port if any.
pub fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = authority.rsplit('@').next()?;
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// A `Location` resolved against the URL it came from.
fn join(base: &str, location: &str) -> String {
    let location = location.trim();
    if location.contains("://") {
        return location.to_string();
    }
    let scheme = base.split("://").next().unwrap_or("https");
    if let Some(rest) = location.strip_prefix("//") {
        return format!("{scheme}://{rest}");
    }
    let origin_end = base
        .split_once("://")
        .map(|(s, rest)| s.len() + 3 + rest.find('/').unwrap_or(rest.len()))
        .unwrap_or(base.len());
    let origin = &base[..origin_end];
    if location.starts_with('/') {
        return format!("{origin}{location}");
    }
    // Relative to the base's folder.
    let path = base[origin_end..].split(['?', '#']).next().unwrap_or("");
    let folder = path.rfind('/').map_or("/", |i| &path[..=i]);
    format!("{origin}{folder}{location}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_resolve() {
        let b = "https://e.com/a/b?x=1";
        assert_eq!(join(b, "https://f.org/"), "https://f.org/");
        assert_eq!(join(b, "//g.net/x"), "https://g.net/x");
        assert_eq!(join(b, "/root"), "https://e.com/root");
        assert_eq!(join(b, "c"), "https://e.com/a/c");
        assert_eq!(join("https://e.com", "c"), "https://e.com/c");
    }

    #[test]
    fn hosts_and_waits() {
        assert_eq!(
            host("https://User@Blog.Example.org:8080/x?y").as_deref(),
            Some("blog.example.org:8080")
        );
        assert_eq!(host("mailto:x@y"), None);
        assert_eq!(seconds(" 7 "), Some(7));
        assert_eq!(
            seconds("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(0),
            "in the past"
        );
        assert_eq!(seconds("soon"), None);
    }
}
