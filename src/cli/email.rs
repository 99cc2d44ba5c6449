//! `twir email`: the email edition of an issue, HTML with inlined styles and plain text.

use anyhow::{Context, bail};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use twir::site::{self, SiteInfo, email, theme::Theme};
use twir::workspace::Workspace;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The issue: its number or its file (default: the latest published issue)
    issue: Option<String>,
    /// Where to write `<number>.html` and `<number>.txt` (default: email/ under the root)
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

pub fn run(root: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let ws = Workspace::open(root)?;
    // A file given by path may be a draft: then the drafts are read too, for a preview.
    let wants_draft = args.issue.as_deref().is_some_and(|w| {
        let path = twir::workspace::canonical(Path::new(w));
        ws.drafts()
            .iter()
            .any(|d| twir::workspace::canonical(d) == path)
    });
    let mut cache = site::cache::ArticleCache::open(&ws.cache_dir(), &ws.config);
    let (site, _) = site::collect::collect(&ws, wants_draft, &|p| super::shown(p), &mut cache)?;
    if let Err(e) = cache.save() {
        eprintln!("warning: the build cache was not saved: {e}");
    }
    let article = match &args.issue {
        None => site
            .articles
            .iter()
            .find(|a| a.draft.is_none())
            .context("no published issue to send")?,
        Some(which) => {
            let by_number = which.parse::<u32>().ok();
            let by_path = twir::workspace::canonical(Path::new(which));
            let found = site.articles.iter().find(|a| {
                (by_number.is_some_and(|n| a.number == Some(n)) && a.draft.is_none())
                    || twir::workspace::canonical(&a.source) == by_path
            });
            match found {
                Some(a) => a,
                None => bail!(
                    "no issue `{which}`: give a published issue's number, or an issue's or a draft's file"
                ),
            }
        }
    };
    let info = SiteInfo::new(&ws.config);
    let theme = Theme::load(Some(&ws.root.join("theme")))?;
    let html = email::html(article, &info, &theme)?;
    let bytes = std::fs::read(&article.source)
        .with_context(|| format!("cannot read {}", article.source.display()))?;
    let issue = twir::issue::Issue::parse(super::shown(&article.source), &bytes);
    let text = email::text(&issue, article, &info);
    let dir = args.out.unwrap_or_else(|| ws.root.join("email"));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let name = article
        .number
        .map_or_else(|| article.slug.clone(), |n| n.to_string());
    // A preview never takes the name of the edition that will be sent.
    let name = if article.draft.is_some() {
        format!("{name}-preview")
    } else {
        name
    };
    let mut out = std::io::stdout().lock();
    for (ext, body) in [("html", html), ("txt", text)] {
        let path = dir.join(format!("{name}.{ext}"));
        twir::fsutil::write_atomic(&path, body.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?;
        writeln!(out, "wrote {}", super::shown(&path))?;
    }
    Ok(ExitCode::SUCCESS)
}
