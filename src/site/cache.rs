//! Rendered issues kept between builds, so that after one issue changes `twir build` reads
//! and renders only that issue. One file (`build/articles.json` in the cache folder) maps
//! each source to its size and modification time and what reading it gave (the article and
//! its warnings). It is only trusted when made by this very twir binary with this very
//! configuration; anything else starts afresh. The folder holds a `.gitignore` of its own.

use super::{Article, Warning};
use crate::config::Config;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

/// What reading one source gave.
pub type Read = (Option<Article>, Vec<Warning>);

#[derive(Serialize, Deserialize)]
struct Entry {
    stamp: Stamp,
    article: Option<Article>,
    warnings: Vec<Warning>,
}

/// A source's size and modification time: a changed file has another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    secs: u64,
    nanos: u32,
}

impl Stamp {
    pub fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        let since = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        Some(Stamp {
            len: meta.len(),
            secs: since.as_secs(),
            nanos: since.subsec_nanos(),
        })
    }
}

#[derive(Serialize, Deserialize)]
struct Stored {
    key: String,
    entries: HashMap<PathBuf, Entry>,
}

/// The cache of one build: what the last build stored, and what this one read.
pub struct ArticleCache {
    file: PathBuf,
    stored: Stored,
    changed: bool,
}

impl ArticleCache {
    /// Opens the cache under `dir` for `config`; an unreadable or foreign one is empty.
    pub fn open(dir: &Path, config: &Config) -> ArticleCache {
        let key = key(config);
        let file = dir.join("build/articles.json");
        let stored = std::fs::read(&file)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Stored>(&bytes).ok())
            .filter(|s| s.key == key)
            .unwrap_or(Stored {
                key,
                entries: HashMap::new(),
            });
        ArticleCache {
            file,
            stored,
            changed: false,
        }
    }

    /// What reading `path` gave last time, if it has not changed since.
    pub fn get(&self, path: &Path, stamp: Option<Stamp>) -> Option<Read> {
        let entry = self.stored.entries.get(path)?;
        (Some(entry.stamp) == stamp).then(|| (entry.article.clone(), entry.warnings.clone()))
    }

    /// Keeps what reading `path` gave.
    pub fn put(&mut self, path: &Path, stamp: Option<Stamp>, read: &Read) {
        let Some(stamp) = stamp else { return };
        self.stored.entries.insert(
            path.to_path_buf(),
            Entry {
                stamp,
                article: read.0.clone(),
                warnings: read.1.clone(),
            },
        );
        self.changed = true;
    }

    /// Forgets the sources not in `present` (removed issues).
    pub fn retain(&mut self, present: &[PathBuf]) {
        let before = self.stored.entries.len();
        let present: std::collections::HashSet<&PathBuf> = present.iter().collect();
        self.stored.entries.retain(|p, _| present.contains(p));
        self.changed |= self.stored.entries.len() != before;
    }

    /// Writes the cache if this build changed it.
    pub fn save(&self) -> std::io::Result<()> {
        if !self.changed {
            return Ok(());
        }
        let file = &self.file;
        let dir = file
            .parent()
            .and_then(Path::parent)
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(file.parent().unwrap_or(dir))?;
        let ignore = dir.join(".gitignore");
        if !ignore.exists() {
            std::fs::write(&ignore, "# twir's caches: never committed\n*\n")?;
        }
        let bytes = serde_json::to_vec(&self.stored).map_err(std::io::Error::other)?;
        crate::fsutil::write_atomic(file, &bytes)
    }
}

/// This binary, this configuration and this working folder (warnings name files from
/// it): a cache made under anything else is not used.
fn key(config: &Config) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    format!("{config:?}").hash(&mut h);
    std::env::current_dir().ok().hash(&mut h);
    let binary = std::env::current_exe().ok().and_then(|exe| Stamp::of(&exe));
    format!(
        "{} {binary:?} {:016x}",
        env!("CARGO_PKG_VERSION"),
        h.finish()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_used_until_its_source_changes() {
        let dir = std::env::temp_dir().join(format!("twir-article-cache-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let source = dir.join("2024-01-03-x.md");
        let text = "Title: T\nDate: 2024-01-03\n\nBody\n";
        std::fs::write(&source, text).unwrap();
        let config = Config::default();
        let read = super::super::article(&source, "x.md", text.as_bytes(), &config);
        let mut cache = ArticleCache::open(&dir, &config);
        assert!(cache.get(&source, Stamp::of(&source)).is_none());
        cache.put(&source, Stamp::of(&source), &read);
        cache.save().unwrap();

        let again = ArticleCache::open(&dir, &config);
        let (article, _) = again.get(&source, Stamp::of(&source)).unwrap();
        assert_eq!(article.unwrap().html, read.0.as_ref().unwrap().html);
        std::fs::write(&source, format!("{text}More\n")).unwrap();
        assert!(
            again.get(&source, Stamp::of(&source)).is_none(),
            "changed: read again"
        );

        let mut other = Config::default();
        other.site.author = "Someone else".into();
        assert!(
            ArticleCache::open(&dir, &other).stored.entries.is_empty(),
            "another configuration starts afresh"
        );
        assert!(dir.join(".gitignore").is_file());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
