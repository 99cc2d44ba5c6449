//! Link outcomes kept between runs (`links.json` in the cache folder), keyed by URL: a
//! link that worked is trusted for a number of days; a failure is asked again next run.

use super::Outcome;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[derive(Serialize, Deserialize)]
struct Entry {
    /// Unix seconds.
    checked: u64,
    /// Whether the page was read (its titles are known), not only its status.
    read_page: bool,
    outcome: Outcome,
}

pub struct LinkCache {
    file: PathBuf,
    entries: HashMap<String, Entry>,
    changed: bool,
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl LinkCache {
    /// Opens the cache in `file`; an unreadable one is empty.
    pub fn open(file: &Path) -> LinkCache {
        let entries = std::fs::read(file)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        LinkCache {
            file: file.to_path_buf(),
            entries,
            changed: false,
        }
    }

    /// The outcome of `url` if it worked within `days` and is known well enough (its
    /// titles, when `read_page`).
    pub fn fresh(&self, url: &str, read_page: bool, days: u64) -> Option<Outcome> {
        let e = self.entries.get(url)?;
        let young = now().saturating_sub(e.checked) < days * 24 * 3600;
        (young && e.outcome.lasts() && (e.read_page || !read_page)).then(|| e.outcome.clone())
    }

    pub fn put(&mut self, url: &str, read_page: bool, outcome: &Outcome) {
        self.entries.insert(
            url.to_string(),
            Entry {
                checked: now(),
                read_page,
                outcome: outcome.clone(),
            },
        );
        self.changed = true;
    }

    pub fn save(&self) -> std::io::Result<()> {
        if !self.changed {
            return Ok(());
        }
        if let Some(dir) = self.file.parent() {
            std::fs::create_dir_all(dir)?;
            let ignore = dir.join(".gitignore");
            if !ignore.exists() {
                std::fs::write(&ignore, "# twir's caches: never committed\n*\n")?;
            }
        }
        let bytes = serde_json::to_vec(&self.entries).map_err(std::io::Error::other)?;
        crate::fsutil::write_atomic(&self.file, &bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn successes_last_failures_do_not() {
        let dir = std::env::temp_dir().join(format!("twir-link-cache-{}", std::process::id()));
        let file = dir.join("links.json");
        let mut c = LinkCache::open(&file);
        c.put("https://e.com/a", false, &Outcome::Ok { titles: vec![] });
        c.put(
            "https://e.com/b",
            true,
            &Outcome::Broken {
                why: "HTTP 404 Not Found".into(),
                serious: true,
            },
        );
        c.save().unwrap();
        let c = LinkCache::open(&file);
        assert!(c.fresh("https://e.com/a", false, 7).is_some());
        assert!(
            c.fresh("https://e.com/a", true, 7).is_none(),
            "its title is not known"
        );
        assert!(c.fresh("https://e.com/a", false, 0).is_none(), "too old");
        assert!(
            c.fresh("https://e.com/b", true, 7).is_none(),
            "failures are asked again"
        );
        assert!(dir.join(".gitignore").is_file());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
