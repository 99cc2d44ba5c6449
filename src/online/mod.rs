//! `twir check --online`: every web link of the checked issues asked for once, and what
//! the answers mean reported as ordinary findings (`link-broken`, `link-redirect`,
//! `link-title`, `link-unverifiable`) at the link's bytes.
//!
//! [`targets`] lists the links to ask for (each URL once, its fragment dropped; hosts
//! under `[check.online] skip` left out); [`check`] asks, a bounded number at once overall
//! and per host, through the cache (`links.json` in the cache folder: links that worked are
//! trusted for `fresh_days`, failures are asked again each run); [`findings`] turns the
//! outcomes into diagnostics for one issue. GitHub issue and pull request links are asked
//! of GitHub's API when a client is given (its title is the issue's), within the API's
//! rate limits.

mod cache;
pub mod outcome;
pub mod title;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Level};
use crate::http::hosts::{self, Bounds};
use crate::http::probe::{self, Prober};
use crate::http::{Client, HttpError};
use crate::issue::{Issue, edit::Edit};
use crate::lint::{self, RunOptions};
pub use outcome::Outcome;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::Duration;

/// A link to ask for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub url: String,
    /// Its page is read for the title (a community link), not only its status.
    pub read_page: bool,
}

/// What asking gave.
#[derive(Debug, Default)]
pub struct Report {
    /// By URL as in [`Target::url`].
    pub outcomes: HashMap<String, Outcome>,
    /// Links answered from the cache.
    pub cached: usize,
    /// Requests sent (redirects and retries each count).
    pub requests: usize,
    /// The most requests one host had in flight at once.
    pub most_per_host: usize,
}

/// The URL a link is asked for by: as written, without its fragment.
pub fn key(dest: &str) -> String {
    let dest = dest.trim();
    dest.split('#').next().unwrap_or(dest).to_string()
}

/// The web links of `issues` to ask for, each once.
pub fn targets(issues: &[&Issue], config: &Config) -> Vec<Target> {
    let mut found: BTreeMap<String, bool> = BTreeMap::new();
    for issue in issues {
        let community: Vec<crate::issue::Span> = lint::community_links(issue, config)
            .map(|l| l.dest_span)
            .collect();
        for (span, dest) in lint::util::written_destinations(issue, true) {
            if !lint::util::is_web(dest) || skipped(dest, config) {
                continue;
            }
            *found.entry(key(dest)).or_default() |= community.contains(&span);
        }
    }
    found
        .into_iter()
        .map(|(url, read_page)| Target { url, read_page })
        .collect()
}

fn skipped(url: &str, config: &Config) -> bool {
    probe::host(url).is_none_or(|h| {
        let name = h.split(':').next().unwrap_or(&h).to_string();
        crate::config::Online::host_in(&name, &config.check.online.skip)
    })
}

/// Asks for every target (the cache first); `tick` is called as each one is done.
pub fn check(
    targets: &[Target],
    config: &Config,
    cache_dir: Option<&Path>,
    github: Option<&Client>,
    tick: &(dyn Fn() + Sync),
) -> Report {
    let online = &config.check.online;
    let mut cache = cache_dir.map(|d| cache::LinkCache::open(&d.join("links.json")));
    let mut report = Report::default();
    let mut todo = Vec::new();
    for t in targets {
        match cache
            .as_ref()
            .and_then(|c| c.fresh(&t.url, t.read_page, online.fresh_days))
        {
            Some(outcome) => {
                report.outcomes.insert(t.url.clone(), outcome);
                report.cached += 1;
                tick();
            }
            None => todo.push(t),
        }
    }
    let prober = Prober::new(
        Duration::from_secs(online.timeout),
        Duration::from_secs(online.wait_budget),
        (online.concurrency, online.per_host),
    );
    let bounds = Bounds {
        total: online.concurrency,
        per_host: online.per_host,
    };
    // GitHub's API is one host, whatever the repositories.
    let host_of = |t: &&Target| match (github, github_item(&t.url)) {
        (Some(_), Some(_)) => "api.github.com".to_string(),
        _ => probe::host(&t.url).unwrap_or_default(),
    };
    let (answers, most) = hosts::run(&todo, bounds, host_of, |t| {
        let outcome = match (github, github_item(&t.url)) {
            (Some(client), Some(item)) => from_github(client, &item),
            _ => {
                let p = prober.probe(&t.url, t.read_page);
                let titles = p
                    .page
                    .as_ref()
                    .map(|(head, ct)| title::titles(head, ct.as_deref()))
                    .unwrap_or_default();
                outcome::judge(&t.url, &p, titles, online, online.timeout)
            }
        };
        tick();
        outcome
    });
    report.most_per_host = most;
    report.requests = prober.requests.load(std::sync::atomic::Ordering::Relaxed)
        + github.map_or(0, |c| {
            c.stats.requests.load(std::sync::atomic::Ordering::Relaxed)
        });
    for (t, outcome) in todo.iter().zip(answers) {
        if let Some(c) = &mut cache {
            c.put(&t.url, t.read_page, &outcome);
            // Where a moved link ends is there: the fixed link needs no second ask.
            if let Outcome::Moved { to, titles } = &outcome {
                c.put(
                    to,
                    t.read_page,
                    &Outcome::Ok {
                        titles: titles.clone(),
                    },
                );
            }
        }
        report.outcomes.insert(t.url.clone(), outcome);
    }
    if let Some(c) = &cache {
        // A cache that cannot be written costs the next run its speed, nothing else.
        let _ = c.save();
    }
    report
}

/// `(owner, repo, number)` of a GitHub issue or pull request link.
fn github_item(url: &str) -> Option<(String, String, u64)> {
    let rest = url
        .strip_prefix("https://github.com/")
        .or_else(|| url.strip_prefix("https://www.github.com/"))?;
    let mut parts = rest.split(['/', '?', '#']);
    let (owner, repo, kind, number) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    if !matches!(kind, "issues" | "pull") || owner.is_empty() || repo.is_empty() {
        return None;
    }
    Some((owner.to_string(), repo.to_string(), number.parse().ok()?))
}

fn from_github(client: &Client, (owner, repo, number): &(String, String, u64)) -> Outcome {
    #[derive(serde::Deserialize)]
    struct Item {
        title: String,
    }
    match client
        .get(&format!("repos/{owner}/{repo}/issues/{number}"))
        .and_then(|r| r.json::<Item>())
    {
        Ok(item) => Outcome::Ok {
            titles: vec![item.title],
        },
        Err(HttpError::Status {
            status: 404 | 410, ..
        }) => Outcome::Broken {
            why: format!("GitHub has no issue or pull request #{number} in {owner}/{repo}"),
            serious: true,
        },
        Err(e @ (HttpError::RateLimited { .. } | HttpError::Budget { .. })) => {
            Outcome::Unverifiable { why: e.to_string() }
        }
        Err(e) => Outcome::Broken {
            why: e.to_string(),
            serious: false,
        },
    }
}

/// The findings of `outcomes` in `issue`, at the levels `config` gives the four lints.
pub fn findings(
    issue: &Issue,
    config: &Config,
    opts: RunOptions,
    outcomes: &HashMap<String, Outcome>,
) -> Vec<Diagnostic> {
    let level =
        |code: &str| lint::find(code).map_or(Level::Allow, |l| lint::level_of(l, config, opts));
    let mut out = Vec::new();
    for (span, dest) in lint::util::written_destinations(issue, true) {
        let Some(outcome) = outcomes.get(&key(dest)) else {
            continue;
        };
        let d = match outcome {
            Outcome::Broken { why, serious } => {
                let d = Diagnostic::new("link-broken", span, format!("broken link: {why}"));
                Some(if *serious { d } else { d.warning() })
            }
            Outcome::Moved { to, .. } => {
                // The fragment as written stays: it names a place in the page.
                let fragment = dest.trim().find('#').map_or("", |i| &dest.trim()[i..]);
                let new = format!("{to}{fragment}");
                Some(
                    Diagnostic::new("link-redirect", span, "the link is moved for good")
                        .help(format!("it now lives at {new}"))
                        .safe_fix(format!("write {new}"), vec![Edit::new(span, new)])
                        .warning(),
                )
            }
            Outcome::Unverifiable { why } => Some(Diagnostic::new(
                "link-unverifiable",
                span,
                format!("the link could not be checked: {why}"),
            )),
            Outcome::Ok { .. } => None,
        };
        out.extend(d);
    }
    for link in lint::community_links(issue, config) {
        let Some(outcome) = outcomes.get(&key(&link.dest)) else {
            continue;
        };
        let titles = outcome.titles();
        let text = issue.slice(link.text_span);
        if titles.is_empty() || title::same(text, titles) {
            continue;
        }
        let (message, title) = match title::cut_from(text, titles) {
            Some(full) => ("the link text looks truncated", full),
            None => ("the link text is not the page's title", titles[0].as_str()),
        };
        out.push(
            Diagnostic::new("link-title", link.text_span, message)
                .help(format!("the page's title is “{title}”"))
                .suggestion(
                    "use the page's title",
                    vec![Edit::new(link.text_span, title.to_string())],
                )
                .warning(),
        );
    }
    for d in &mut out {
        d.level = d.level.min(level(d.code));
    }
    out.retain(|d| d.level != Level::Allow);
    out.sort_by(|a, b| (a.span.start, a.code).cmp(&(b.span.start, b.code)));
    out
}
