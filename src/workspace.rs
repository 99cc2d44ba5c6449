//! A newsletter checkout: its root, configuration, published issues and drafts, read and
//! parsed in parallel, and the history lints compare an issue against.

use crate::archive::{Entry, History};
use crate::config::{Config, ConfigError};
use crate::issue::Issue;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(
        "{path} is not a newsletter root: {why} (a root has a twir.toml, or content/ and \
         draft/ side by side; `twir init DIR` starts a new newsletter)"
    )]
    NotARoot { path: String, why: &'static str },
    #[error(
        "no newsletter root in {cwd} or any folder above it: looked for a twir.toml, or \
         content/ and draft/ side by side (give --root DIR, or start one with `twir init`)"
    )]
    NoRoot { cwd: String },
    #[error("cannot read {path}: {cause}")]
    Read { path: String, cause: std::io::Error },
}

/// A file read and parsed.
pub struct Parsed {
    /// Canonical path: the issue's identity.
    pub id: PathBuf,
    /// The path as the user wrote it (or as found under the root).
    pub path: PathBuf,
    pub issue: Issue,
}

/// The root of a newsletter checkout with its configuration.
pub struct Workspace {
    pub root: PathBuf,
    pub config: Config,
}

impl Workspace {
    /// Opens `root`, which must be a newsletter root (see [`is_root`]); reads its
    /// `twir.toml` if it has one. Nothing is created.
    pub fn open(root: &Path) -> Result<Workspace, WorkspaceError> {
        let not = |why| WorkspaceError::NotARoot {
            path: root.display().to_string(),
            why,
        };
        if !root.exists() {
            return Err(not("it does not exist"));
        }
        if !root.is_dir() {
            return Err(not("it is not a folder"));
        }
        if !is_root(root) {
            return Err(not("it has neither"));
        }
        Ok(Workspace {
            root: root.to_path_buf(),
            config: Config::load(root)?,
        })
    }

    /// A workspace outside any newsletter: the default configuration and no archive, for
    /// checking files given by path wherever they are.
    pub fn detached(dir: &Path) -> Workspace {
        Workspace {
            root: dir.to_path_buf(),
            config: Config::default(),
        }
    }

    /// The root for a command run in `cwd`: the nearest folder up from it that is one.
    pub fn find_root(cwd: &Path) -> Result<PathBuf, WorkspaceError> {
        cwd.ancestors()
            .find(|d| is_root(d))
            .map(Path::to_path_buf)
            .ok_or_else(|| WorkspaceError::NoRoot {
                cwd: cwd.display().to_string(),
            })
    }

    /// Where twir keeps what it can make again (HTTP answers, rendered issues):
    /// `TWIR_CACHE_DIR` if set, else `.twir-cache/` under the root.
    pub fn cache_dir(&self) -> PathBuf {
        std::env::var_os("TWIR_CACHE_DIR")
            .filter(|d| !d.is_empty())
            .map_or_else(|| self.root.join(".twir-cache"), PathBuf::from)
    }

    pub fn content_dir(&self) -> PathBuf {
        self.root.join(&self.config.newsletter.content_dir)
    }

    pub fn draft_dir(&self) -> PathBuf {
        self.root.join(&self.config.newsletter.draft_dir)
    }

    pub fn template_path(&self) -> PathBuf {
        self.root.join(&self.config.newsletter.template)
    }

    /// Every issue file of the archive: all regular files directly in the content and
    /// draft folders, whatever their names, except the draft template.
    pub fn issue_files(&self) -> Vec<PathBuf> {
        let template = canonical(&self.template_path());
        let mut out = Vec::new();
        for dir in [self.content_dir(), self.draft_dir()] {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for e in entries.flatten() {
                let path = e.path();
                let hidden = e.file_name().to_string_lossy().starts_with('.');
                if path.is_file() && !hidden && canonical(&path) != template {
                    out.push(path);
                }
            }
        }
        out.sort();
        out
    }

    /// The drafts: files in the draft folder named as `file_name` says
    /// (`2024-01-03-this-week-in-rust.md`), oldest first.
    pub fn drafts(&self) -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = std::fs::read_dir(self.draft_dir())
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file() && self.is_issue_name(p))
            .collect();
        out.sort();
        out
    }

    /// Files in the draft folder that are not drafts by their name (the template aside):
    /// a stray note must not steer `twir new`.
    pub fn strays(&self) -> Vec<PathBuf> {
        let template = canonical(&self.template_path());
        let mut out: Vec<PathBuf> = std::fs::read_dir(self.draft_dir())
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                let hidden = p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'));
                p.is_file() && !hidden && !self.is_issue_name(p) && canonical(p) != template
            })
            .collect();
        out.sort();
        out
    }

    /// Whether a path's file name follows `file_name` (`{date}-this-week-in-rust.md`).
    pub fn is_issue_name(&self, path: &Path) -> bool {
        let Some(name) = path.file_name().map(|n| n.to_string_lossy()) else {
            return false;
        };
        let pattern = &self.config.newsletter.file_name;
        let Some((prefix, suffix)) = pattern.split_once("{date}") else {
            return false;
        };
        name.strip_prefix(prefix)
            .and_then(|r| r.strip_suffix(suffix))
            .is_some_and(|d| d.len() == 10 && d.parse::<jiff::civil::Date>().is_ok())
    }

    /// The history of the archive, built from parsed issues.
    pub fn history(&self, archive: &[Parsed]) -> History {
        let entries = archive
            .iter()
            .map(|p| Entry::from_issue(p.id.clone(), &p.issue, &self.config))
            .collect();
        let template = std::fs::read_to_string(self.template_path()).ok();
        History::new(entries, template.as_deref())
    }
}

/// Whether `dir` is a newsletter root: it has a `twir.toml`, or `content/` and `draft/`.
pub fn is_root(dir: &Path) -> bool {
    dir.join(crate::config::FILE_NAME).is_file()
        || (dir.join("content").is_dir() && dir.join("draft").is_dir())
}

/// The canonical form of a path, or the path itself when it cannot be resolved.
pub fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Reads and parses `paths` on all cores. A file that cannot be read is an error.
pub fn parse_files(paths: &[PathBuf]) -> Result<Vec<Parsed>, WorkspaceError> {
    crate::par::map(paths, |p| parse_file(p))
        .into_iter()
        .collect()
}

fn parse_file(path: &Path) -> Result<Parsed, WorkspaceError> {
    let bytes = std::fs::read(path).map_err(|cause| WorkspaceError::Read {
        path: path.display().to_string(),
        cause,
    })?;
    Ok(Parsed {
        id: canonical(path),
        path: path.to_path_buf(),
        issue: Issue::parse(path.display().to_string(), &bytes),
    })
}
