//! Reading a newsletter checkout into a [`Site`]: issues and the `.rst` article from the
//! content folder, `pages/`, `images/`, and with `drafts` the drafts with their findings.

use super::cache::{ArticleCache, Read, Stamp};
use super::{Site, Warning};
use crate::lint::{self, RunOptions};
use crate::workspace::{self, Workspace};
use std::path::{Path, PathBuf};

/// Reads everything the site is built from. `shown` names files in messages. Issues
/// unchanged since `cache` took them are not read again; the caller saves the cache.
pub fn collect(
    ws: &Workspace,
    drafts: bool,
    shown: &(dyn Fn(&Path) -> String + Sync),
    cache: &mut ArticleCache,
) -> anyhow::Result<(Site, Vec<Warning>)> {
    let content = ws.content_dir();
    let tags = &ws.config.check.html_tags;
    let mut files: Vec<PathBuf> = list(&content)
        .into_iter()
        .filter(|p| super::is_issue_file(p))
        .collect();
    files.sort();
    let mut warnings = Vec::new();
    let mut site = Site {
        with_drafts: drafts,
        ..Site::default()
    };
    let read = |p: &PathBuf| -> anyhow::Result<Vec<u8>> {
        std::fs::read(p).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", p.display()))
    };
    let stamps: Vec<Option<Stamp>> = files.iter().map(|p| Stamp::of(p)).collect();
    let cached: Vec<Option<Read>> = files
        .iter()
        .zip(&stamps)
        .map(|(p, stamp)| cache.get(p, *stamp))
        .collect();
    let fresh = crate::par::map(
        &files.iter().zip(&cached).collect::<Vec<_>>(),
        |(p, c)| match c {
            Some(_) => Ok(None),
            None => read(p).map(|bytes| Some(super::article(p, &shown(p), &bytes, &ws.config))),
        },
    );
    cache.retain(&files);
    for (((path, stamp), cached), fresh) in files.iter().zip(stamps).zip(cached).zip(fresh) {
        let (article, w) = match fresh? {
            Some(read) => {
                cache.put(path, stamp, &read);
                read
            }
            None => cached.unwrap_or_default(),
        };
        warnings.extend(w);
        site.articles.extend(article);
    }
    if drafts {
        let parsed = workspace::parse_files(&ws.issue_files())?;
        let history = ws.history(&parsed);
        for path in ws.drafts() {
            let bytes = read(&path)?;
            let (article, w) = super::article(&path, &shown(&path), &bytes, &ws.config);
            warnings.extend(w);
            let Some(mut article) = article else { continue };
            let id = workspace::canonical(&path);
            let issue = crate::issue::Issue::parse(shown(&path), &bytes);
            let findings = lint::check(&issue, &id, &ws.config, &history, RunOptions::default());
            article.draft = Some(
                findings
                    .iter()
                    .map(|d| {
                        let (line, _) = issue.line_col(d.span.start);
                        format!("line {line}: {} [{}]", d.message, d.code)
                    })
                    .collect(),
            );
            site.articles.push(article);
        }
    }
    super::arrange(&mut site.articles, &mut warnings);
    let mut pages: Vec<PathBuf> = list(&content.join("pages"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "markdown"))
        .collect();
    pages.sort();
    for p in pages {
        let (page, w) = super::page(&p, &shown(&p), &read(&p)?, tags);
        warnings.extend(w);
        site.pages.extend(page);
    }
    site.assets = walk(&content.join("images"))
        .into_iter()
        .filter_map(|p| p.strip_prefix(&content).ok().map(Path::to_path_buf))
        .collect();
    Ok((site, warnings))
}

/// Regular files directly in `dir`, none if it does not exist. Hidden files are skipped.
fn list(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect()
}

/// Regular files anywhere under `dir`.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.is_file() {
            out.push(p);
        }
    }
    out.sort();
    out
}
