//! The site kept in memory for `twir serve`: built once, then updated file by file. A
//! changed issue or draft re-renders its own page, its neighbors' and the lists (index,
//! archives, feeds); only a changed theme, configuration or page rebuilds everything.

use super::render::{self, OutFile};
use super::theme::Theme;
use super::{Site, SiteInfo, Warning};
use crate::archive::History;
use crate::lint::{self, RunOptions};
use crate::workspace::{self, Workspace};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What an update did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Update {
    /// Issue pages rendered again.
    pub pages: usize,
    /// The changed issue and draft files.
    pub issues: Vec<PathBuf>,
    /// Whether the whole site was rebuilt.
    pub full: bool,
    pub warnings: Vec<Warning>,
}

pub struct Preview {
    ws: Workspace,
    drafts: bool,
    shown: Box<dyn Fn(&Path) -> String + Sync + Send>,
    theme: Theme,
    info: SiteInfo,
    site: Site,
    history: History,
    files: HashMap<String, Vec<u8>>,
    version: u64,
}

impl Preview {
    /// Builds the whole site in memory.
    pub fn new(
        root: &Path,
        drafts: bool,
        shown: Box<dyn Fn(&Path) -> String + Sync + Send>,
    ) -> anyhow::Result<(Preview, Vec<Warning>)> {
        let ws = Workspace::open(root)?;
        let mut p = Preview {
            theme: Theme::load(Some(&ws.root.join("theme")))?,
            info: SiteInfo::new(&ws.config),
            ws,
            drafts,
            shown,
            site: Site::default(),
            history: History::default(),
            files: HashMap::new(),
            version: 0,
        };
        let warnings = p.rebuild()?;
        Ok((p, warnings))
    }

    fn rebuild(&mut self) -> anyhow::Result<Vec<Warning>> {
        self.ws = Workspace::open(&self.ws.root)?;
        self.theme = Theme::load(Some(&self.ws.root.join("theme")))?;
        self.info = SiteInfo::new(&self.ws.config);
        let mut cache = super::cache::ArticleCache::open(&self.ws.cache_dir(), &self.ws.config);
        let (site, mut warnings) =
            super::collect::collect(&self.ws, self.drafts, &*self.shown, &mut cache)?;
        if let Err(e) = cache.save() {
            warnings.push(format!("the build cache was not saved: {e}"));
        }
        let parsed = workspace::parse_files(&self.ws.issue_files())?;
        self.history = self.ws.history(&parsed);
        let files = render::render(&site, &self.info, &self.ws.config, &self.theme)?;
        self.site = site;
        self.files = files.into_iter().map(|f| (f.path, f.bytes)).collect();
        self.version += 1;
        Ok(warnings)
    }

    /// Bumped by every update; an open page reloads when it changes.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The published issues as the search index takes them (a cheap copy).
    pub fn search_docs(&self) -> Vec<super::search::Doc> {
        super::search::docs(&self.site.articles)
    }

    /// Puts the search index's files (under `search/`) in place of the old ones.
    pub fn set_search_index(&mut self, files: Vec<OutFile>) {
        self.files.retain(|path, _| !path.starts_with("search/"));
        for f in files {
            self.files.insert(f.path, f.bytes);
        }
    }

    /// The file served at a URL path (`/`, `/blog/…/`, `/atom.xml`, `/images/x.png`).
    pub fn get(&self, url_path: &str) -> Option<std::borrow::Cow<'_, [u8]>> {
        let path = url_path.split(['?', '#']).next().unwrap_or("/");
        let path = path.trim_start_matches('/');
        let key = if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path.to_string()
        };
        if let Some(bytes) = self.files.get(&key) {
            return Some(std::borrow::Cow::Borrowed(bytes));
        }
        // Images are read from the content folder as they are.
        let rel = Path::new(&key);
        if self.site.assets.iter().any(|a| a == rel) {
            return std::fs::read(self.ws.content_dir().join(rel))
                .ok()
                .map(std::borrow::Cow::Owned);
        }
        None
    }

    /// Takes in changed files (created, edited or removed).
    pub fn changed(&mut self, paths: &[PathBuf]) -> anyhow::Result<Update> {
        let content = workspace::canonical(&self.ws.content_dir());
        let drafts = workspace::canonical(&self.ws.draft_dir());
        let template = workspace::canonical(&self.ws.template_path());
        let mut issues: Vec<PathBuf> = Vec::new();
        for p in paths {
            let dir = p.parent().map(workspace::canonical);
            let is_issue = super::is_issue_file(p)
                && (dir.as_ref() == Some(&content)
                    || (self.drafts
                        && dir.as_ref() == Some(&drafts)
                        && workspace::canonical(p) != template));
            let in_drafts = dir.as_ref() == Some(&drafts);
            let root = workspace::canonical(&self.ws.root);
            let at_root = dir.as_ref() == Some(&root);
            let matters_at_root = p
                .file_name()
                .is_some_and(|n| n == crate::config::FILE_NAME || n == "theme");
            if at_root && !matters_at_root {
                continue;
            }
            if is_issue {
                issues.push(p.clone());
            } else if in_drafts
                || p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            {
                // Drafts not shown, the template, editors' swap files: nothing to do.
            } else {
                let warnings = self.rebuild()?;
                return Ok(Update {
                    pages: self.site.articles.len(),
                    issues: Vec::new(),
                    full: true,
                    warnings,
                });
            }
        }
        if issues.is_empty() {
            return Ok(Update::default());
        }
        let mut update = Update::default();
        let mut touched: Vec<PathBuf> = Vec::new();
        for path in &issues {
            let id = workspace::canonical(path);
            let old = self
                .site
                .articles
                .iter()
                .position(|a| workspace::canonical(&a.source) == id);
            if let Some(i) = old {
                // Its old neighbors lose or change a link; a draft has none.
                if self.site.articles[i].draft.is_none() {
                    touched.extend(self.neighbors(i));
                }
                let gone = self.site.articles.remove(i);
                self.files.remove(&format!("{}index.html", gone.url()));
            }
            let Ok(bytes) = std::fs::read(path) else {
                continue;
            };
            let (article, warnings) =
                super::article(path, &(self.shown)(path), &bytes, &self.ws.config);
            update.warnings.extend(warnings);
            let Some(mut article) = article else { continue };
            if dir_of(path) == drafts {
                let issue = crate::issue::Issue::parse((self.shown)(path), &bytes);
                let findings = lint::check(
                    &issue,
                    &id,
                    &self.ws.config,
                    &self.history,
                    RunOptions::default(),
                );
                article.draft = Some(
                    findings
                        .iter()
                        .map(|d| {
                            format!(
                                "line {}: {} [{}]",
                                issue.line_col(d.span.start).0,
                                d.message,
                                d.code
                            )
                        })
                        .collect(),
                );
            }
            touched.push(id);
            self.site.articles.push(article);
        }
        super::arrange(&mut self.site.articles, &mut update.warnings);
        let mut render_at: Vec<usize> = Vec::new();
        for id in &touched {
            if let Some(i) = self
                .site
                .articles
                .iter()
                .position(|a| workspace::canonical(&a.source) == *id)
            {
                render_at.push(i);
                if self.site.articles[i].draft.is_some() {
                    continue;
                }
                render_at.extend(self.neighbors(i).iter().filter_map(|n| {
                    self.site
                        .articles
                        .iter()
                        .position(|a| workspace::canonical(&a.source) == *n)
                }));
            }
        }
        render_at.sort_unstable();
        render_at.dedup();
        for &i in &render_at {
            let f = render::article_page(&self.site, i, &self.info, &self.theme)?;
            self.files.insert(f.path, f.bytes);
        }
        for f in render::lists(&self.site, &self.info, &self.ws.config, &self.theme)? {
            let OutFile { path, bytes } = f;
            self.files.insert(path, bytes);
        }
        update.pages = render_at.len();
        update.issues = issues;
        self.version += 1;
        Ok(update)
    }

    /// The published issues right before and after `site.articles[i]`.
    fn neighbors(&self, i: usize) -> Vec<PathBuf> {
        let a = &self.site.articles;
        let newer = a[..i].iter().rev().find(|n| n.draft.is_none());
        let older = a[i + 1..].iter().find(|n| n.draft.is_none());
        newer
            .into_iter()
            .chain(older)
            .map(|n| workspace::canonical(&n.source))
            .collect()
    }

    /// Folders whose changes matter, watched with everything below them.
    pub fn watched(&self) -> Vec<PathBuf> {
        [
            self.ws.content_dir(),
            self.ws.draft_dir(),
            self.ws.root.join("theme"),
        ]
        .into_iter()
        .filter(|p| p.is_dir())
        .collect()
    }

    /// The root, watched alone for `twir.toml` and a new `theme/` folder.
    pub fn root(&self) -> &Path {
        &self.ws.root
    }
}

fn dir_of(path: &Path) -> PathBuf {
    path.parent().map(workspace::canonical).unwrap_or_default()
}
