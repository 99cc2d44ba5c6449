//! One client for the web APIs twir reads (GitHub's REST API, Discourse; link checking
//! shares its pieces in [`probe`] and [`hosts`]): a base URL from the configuration or the
//! environment, a token from the environment that is sent only to that base and never
//! shown, rate limits read and obeyed, retries with backoff, an ETag disk cache so a second
//! run costs (almost) nothing, and counters a command reports at the end. Requests are
//! blocking; callers run a bounded number at once with [`crate::par::map_on`].

mod cache;
pub mod hosts;
pub mod probe;
mod token;

pub use cache::Cache;
pub use token::Token;

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How long one request may take.
const TIMEOUT: Duration = Duration::from_secs(30);
/// The largest body read.
const LIMIT: u64 = 32 * 1024 * 1024;
/// Retries of one request after a server error or a refused connection.
const RETRIES: u32 = 3;
/// The first wait after a server error; doubled for each retry.
const BACKOFF: Duration = Duration::from_millis(500);
/// The longest wait a secondary rate limit may ask for before twir gives up.
const MAX_WAIT: Duration = Duration::from_secs(120);

#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    #[error("cannot fetch {url}: {message}")]
    Failed { url: String, message: String },
    #[error("cannot fetch {url}: the server answered HTTP {status}{detail}")]
    Status {
        url: String,
        status: u16,
        detail: String,
    },
    #[error("the {resource} rate limit is used up; it resets at {reset} UTC{hint}")]
    RateLimited {
        resource: String,
        reset: String,
        hint: &'static str,
    },
    #[error(
        "{needed} more requests are needed but the {resource} rate limit has {left} left; \
         it resets at {reset} UTC{hint}"
    )]
    Budget {
        resource: String,
        needed: u64,
        left: u64,
        reset: String,
        hint: &'static str,
    },
    #[error("{url} did not answer JSON of the expected shape: {message}")]
    Json { url: String, message: String },
}

/// A response as callers need it.
#[derive(Clone, Debug)]
pub struct Response {
    pub url: String,
    pub body: String,
    /// The `rel="next"` page of a paginated answer.
    pub next: Option<String>,
    /// Whether the body came from the cache after a `304 Not Modified`.
    pub cached: bool,
}

impl Response {
    /// The body read as JSON of type `T`; an error names the URL.
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T, HttpError> {
        serde_json::from_str(&self.body).map_err(|e| HttpError::Json {
            url: self.url.clone(),
            message: e.to_string(),
        })
    }
}

/// What the client did, for the summary line a command prints.
#[derive(Debug, Default)]
pub struct Stats {
    pub requests: AtomicUsize,
    pub not_modified: AtomicUsize,
    pub retries: AtomicUsize,
    /// Seconds spent waiting for rate limits.
    pub waited: AtomicUsize,
}

/// The last rate-limit figures a resource (`core`, `search`) reported.
#[derive(Clone, Debug)]
pub struct Limit {
    pub remaining: u64,
    /// Unix time the budget resets.
    pub reset: u64,
}

/// What the client calls to say it is waiting (for a progress bar).
type OnWait = Box<dyn Fn(&str) + Send + Sync>;

/// The client.
pub struct Client {
    agent: ureq::Agent,
    /// GitHub's REST API (its media type and version headers) or another JSON API.
    github: bool,
    base: String,
    token: Option<Token>,
    cache: Option<Cache>,
    limits: Mutex<Vec<(String, Limit)>>,
    pub stats: Stats,
    /// Told about waits, to show them on a progress bar.
    on_wait: Option<OnWait>,
}

impl Client {
    /// A client for the API at `base` (no trailing slash needed).
    pub fn new(base: &str, token: Option<Token>, cache: Option<Cache>) -> Client {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(TIMEOUT))
            .http_status_as_error(false)
            .user_agent(concat!("twir/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Client {
            agent,
            github: true,
            base: base.trim_end_matches('/').to_string(),
            token,
            cache,
            limits: Mutex::new(Vec::new()),
            stats: Stats::default(),
            on_wait: None,
        }
    }

    /// A client for another JSON API at `base` (a Discourse forum): plain JSON requests,
    /// no token.
    pub fn json_api(base: &str, cache: Option<Cache>) -> Client {
        Client {
            github: false,
            ..Client::new(base, None, cache)
        }
    }

    /// Calls `f` with a message whenever the client waits for a rate limit or a retry.
    pub fn on_wait(mut self, f: impl Fn(&str) + Send + Sync + 'static) -> Client {
        self.on_wait = Some(Box::new(f));
        self
    }

    /// The last figures of rate-limit `resource` (`core`, `search`), if any answer gave them.
    pub fn limit(&self, resource: &str) -> Option<Limit> {
        let limits = self.limits.lock().unwrap_or_else(|e| e.into_inner());
        limits
            .iter()
            .find(|(r, _)| r == resource)
            .map(|(_, l)| l.clone())
    }

    /// The absolute URL of `path_or_url`: a path is joined to the base.
    pub fn url(&self, path_or_url: &str) -> String {
        if path_or_url.starts_with("http://") || path_or_url.starts_with("https://") {
            path_or_url.to_string()
        } else {
            format!("{}/{}", self.base, path_or_url.trim_start_matches('/'))
        }
    }

    /// GETs `path_or_url`, revalidating a cached copy, obeying rate limits and retrying
    /// server errors. Any status but 200 and 304 is an error.
    pub fn get(&self, path_or_url: &str) -> Result<Response, HttpError> {
        let url = self.url(path_or_url);
        let cached = self.cache.as_ref().and_then(|c| c.get(&url));
        let mut attempt = 0;
        loop {
            let mut req = if self.github {
                self.agent
                    .get(&url)
                    .header("Accept", "application/vnd.github+json")
                    .header("X-GitHub-Api-Version", "2022-11-28")
            } else {
                self.agent.get(&url).header("Accept", "application/json")
            };
            // The token goes to the API's own host only, never to a download URL elsewhere.
            if let Some(t) = self.token.as_ref().filter(|_| url.starts_with(&self.base)) {
                req = req.header("Authorization", &t.header());
            }
            if let Some(c) = &cached {
                req = req.header("If-None-Match", &c.etag);
            }
            self.stats.requests.fetch_add(1, Ordering::Relaxed);
            let result = req.call();
            let mut resp = match result {
                Ok(r) => r,
                Err(e) if attempt < RETRIES => {
                    attempt += 1;
                    self.retry_after(BACKOFF * 2u32.pow(attempt - 1), &url, &e.to_string());
                    continue;
                }
                Err(e) => {
                    return Err(HttpError::Failed {
                        url,
                        message: e.to_string(),
                    });
                }
            };
            let header = |name: &str| header(&resp, name);
            let status = resp.status().as_u16();
            let remaining = header("x-ratelimit-remaining").and_then(|v| v.parse::<u64>().ok());
            let reset = header("x-ratelimit-reset").and_then(|v| v.parse::<u64>().ok());
            let resource = header("x-ratelimit-resource").unwrap_or_else(|| "core".into());
            if let (Some(remaining), Some(reset)) = (remaining, reset) {
                self.note_limit(&resource, Limit { remaining, reset });
            }
            let retry_after = header("retry-after").and_then(|v| v.parse::<u64>().ok());
            let etag = header("etag");
            let next = header("link").and_then(|l| next_link(&l));
            match status {
                200 => {
                    let body = resp
                        .body_mut()
                        .with_config()
                        .limit(LIMIT)
                        .read_to_string()
                        .map_err(|e| HttpError::Failed {
                            url: url.clone(),
                            message: e.to_string(),
                        })?;
                    if let (Some(cache), Some(etag)) = (&self.cache, etag) {
                        cache.put(&url, &etag, &body, next.as_deref());
                    }
                    return Ok(Response {
                        url,
                        body,
                        next,
                        cached: false,
                    });
                }
                304 if cached.is_some() => {
                    self.stats.not_modified.fetch_add(1, Ordering::Relaxed);
                    let c = cached.expect("checked above");
                    return Ok(Response {
                        url,
                        body: c.body,
                        next: c.next,
                        cached: true,
                    });
                }
                // A secondary rate limit says how long to wait.
                403 | 429 if retry_after.is_some() => {
                    let wait = Duration::from_secs(retry_after.unwrap_or(1).max(1));
                    if wait > MAX_WAIT || attempt >= RETRIES + 2 {
                        return Err(HttpError::Status {
                            url,
                            status,
                            detail: format!(" (rate limited; retry after {}s)", wait.as_secs()),
                        });
                    }
                    attempt += 1;
                    self.stats
                        .waited
                        .fetch_add(wait.as_secs() as usize, Ordering::Relaxed);
                    self.retry_after(wait, &url, "secondary rate limit");
                }
                // The primary budget is used up: waiting could take an hour.
                403 | 429 if remaining == Some(0) => {
                    return Err(HttpError::RateLimited {
                        resource,
                        reset: reset.map_or_else(|| "a later time".into(), clock),
                        hint: self.hint(),
                    });
                }
                500..=599 if attempt < RETRIES => {
                    attempt += 1;
                    self.retry_after(
                        BACKOFF * 2u32.pow(attempt - 1),
                        &url,
                        &format!("HTTP {status}"),
                    );
                }
                _ => {
                    let body = resp
                        .body_mut()
                        .with_config()
                        .limit(64 * 1024)
                        .read_to_string()
                        .unwrap_or_default();
                    let detail = serde_json::from_str::<serde_json::Value>(&body)
                        .ok()
                        .and_then(|v| v["message"].as_str().map(|m| format!(": {m}")))
                        .unwrap_or_default();
                    return Err(HttpError::Status {
                        url,
                        status,
                        detail,
                    });
                }
            }
        }
    }

    /// Fails before spending anything when `needed` more requests than rate limit
    /// `resource` has left would be made.
    pub fn ensure_budget(&self, resource: &str, needed: u64) -> Result<(), HttpError> {
        match self.limit(resource) {
            Some(l) if l.remaining < needed => Err(HttpError::Budget {
                resource: resource.to_string(),
                needed,
                left: l.remaining,
                reset: clock(l.reset),
                hint: self.hint(),
            }),
            _ => Ok(()),
        }
    }

    fn hint(&self) -> &'static str {
        if self.token.is_some() {
            ""
        } else {
            "; set GITHUB_TOKEN for a larger budget"
        }
    }

    /// Every page of an answer paginated by `Link: <...>; rel="next"` headers.
    pub fn get_pages(&self, path_or_url: &str) -> Result<Vec<Response>, HttpError> {
        let mut pages = vec![self.get(path_or_url)?];
        while let Some(next) = pages.last().and_then(|p| p.next.clone()) {
            pages.push(self.get(&next)?);
        }
        Ok(pages)
    }

    fn note_limit(&self, resource: &str, limit: Limit) {
        let mut limits = self.limits.lock().unwrap_or_else(|e| e.into_inner());
        match limits.iter_mut().find(|(r, _)| r == resource) {
            Some((_, l)) => *l = limit,
            None => limits.push((resource.to_string(), limit)),
        }
    }

    fn retry_after(&self, wait: Duration, url: &str, why: &str) {
        self.stats.retries.fetch_add(1, Ordering::Relaxed);
        if let Some(f) = &self.on_wait {
            f(&format!(
                "{why}: waiting {:.1}s before retrying {url}",
                wait.as_secs_f64()
            ));
        }
        std::thread::sleep(wait);
    }
}

/// A response header's value, if it is text.
fn header(resp: &ureq::http::Response<ureq::Body>, name: &str) -> Option<String> {
    resp.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// `HH:MM` of a Unix time, and how far off it is.
fn clock(unix: u64) -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let time = jiff::Timestamp::from_second(i64::try_from(unix).unwrap_or(0))
        .map(|t| t.strftime("%H:%M").to_string())
        .unwrap_or_else(|_| unix.to_string());
    let minutes = unix.saturating_sub(now).div_ceil(60);
    format!("{time} (in {minutes} min)")
}

/// The `rel="next"` URL of a `Link` header.
fn next_link(header: &str) -> Option<String> {
    header.split(',').find_map(|part| {
        let (url, params) = part.split_once(';')?;
        params
            .split(';')
            .any(|p| p.trim() == "rel=\"next\"")
            .then(|| {
                url.trim()
                    .trim_start_matches('<')
                    .trim_end_matches('>')
                    .to_string()
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_headers() {
        let h = "<https://api.github.com/x?page=2>; rel=\"next\", <https://api.github.com/x?page=5>; rel=\"last\"";
        assert_eq!(
            next_link(h).as_deref(),
            Some("https://api.github.com/x?page=2")
        );
        assert_eq!(next_link("<https://e.com/1>; rel=\"prev\""), None);
    }

    #[test]
    fn paths_join_the_base() {
        let c = Client::new("http://127.0.0.1:9/", None, None);
        assert_eq!(c.url("/search/issues"), "http://127.0.0.1:9/search/issues");
        assert_eq!(c.url("https://e.com/x"), "https://e.com/x");
    }
}
