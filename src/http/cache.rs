//! The ETag disk cache: each answer that came with an `ETag` is kept, keyed by its URL,
//! so the next request for it asks `If-None-Match` and a `304 Not Modified` costs no rate
//! limit. The folder holds a `.gitignore` of its own so it never lands in a commit, and
//! nothing in it holds the token (it travels in a header, not in URLs).

use serde::{Deserialize, Serialize};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

/// A cache folder.
#[derive(Clone, Debug)]
pub struct Cache {
    dir: PathBuf,
}

/// One kept answer.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Entry {
    pub url: String,
    pub etag: String,
    pub body: String,
    pub next: Option<String>,
}

impl Cache {
    /// Opens (and creates) the cache in `dir`.
    pub fn open(dir: &Path) -> std::io::Result<Cache> {
        std::fs::create_dir_all(dir)?;
        let ignore = dir.join(".gitignore");
        if !ignore.exists() {
            std::fs::write(&ignore, "# twir's HTTP cache: never committed\n*\n")?;
        }
        Ok(Cache {
            dir: dir.to_path_buf(),
        })
    }

    fn path(&self, url: &str) -> PathBuf {
        let mut h = std::hash::DefaultHasher::new();
        url.hash(&mut h);
        self.dir.join(format!("{:016x}.json", h.finish()))
    }

    /// The kept answer for `url`, if any (a damaged file counts as none).
    pub fn get(&self, url: &str) -> Option<Entry> {
        let text = std::fs::read_to_string(self.path(url)).ok()?;
        let entry: Entry = serde_json::from_str(&text).ok()?;
        (entry.url == url).then_some(entry)
    }

    /// Keeps an answer. A cache that cannot be written only costs a later request.
    pub fn put(&self, url: &str, etag: &str, body: &str, next: Option<&str>) {
        let entry = Entry {
            url: url.to_string(),
            etag: etag.to_string(),
            body: body.to_string(),
            next: next.map(str::to_string),
        };
        if let Ok(json) = serde_json::to_vec(&entry) {
            let _ = crate::fsutil::write_atomic(&self.path(url), &json);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_answers_by_url() {
        let dir = std::env::temp_dir().join(format!("twir-cache-test-{}", std::process::id()));
        let c = Cache::open(&dir).unwrap();
        assert!(c.get("https://e.com/a").is_none());
        c.put(
            "https://e.com/a",
            "\"v1\"",
            "[1]",
            Some("https://e.com/a?page=2"),
        );
        let e = c.get("https://e.com/a").unwrap();
        assert_eq!((e.etag.as_str(), e.body.as_str()), ("\"v1\"", "[1]"));
        assert_eq!(e.next.as_deref(), Some("https://e.com/a?page=2"));
        assert!(c.get("https://e.com/b").is_none());
        assert!(
            std::fs::read_to_string(dir.join(".gitignore"))
                .unwrap()
                .contains('*')
        );
        let _ = std::fs::remove_dir_all(dir);
    }
}
