//! `twir build`: the whole archive as a static site at the old site's URLs.

use anyhow::Context;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use twir::site::{self, SiteInfo, output, render, search, theme::Theme};
use twir::workspace::Workspace;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Where to write the site (default: output/ under the root)
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Also publish the drafts, under drafts/, with their `twir check` findings
    #[arg(long)]
    drafts: bool,
    /// Leave out the search index (faster; the search box then finds nothing)
    #[arg(long)]
    no_search: bool,
}

pub fn run(root: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let ws = Workspace::open(root)?;
    let out_dir = args.out.unwrap_or_else(|| ws.root.join("output"));
    let bar = progress();
    bar.set_message("reading the archive");
    let mut cache = site::cache::ArticleCache::open(&ws.cache_dir(), &ws.config);
    let (site, warnings) =
        site::collect::collect(&ws, args.drafts, &|p| super::shown(p), &mut cache)?;
    // The cache is written beside the rendering; a cache that cannot be written costs the
    // next build its speed, nothing else.
    let saving = std::thread::spawn(move || cache.save());
    for w in &warnings {
        bar.suspend(|| eprintln!("warning: {w}"));
    }
    bar.set_message(format!("rendering {} issues", site.articles.len()));
    let theme = Theme::load(Some(&ws.root.join("theme")))?;
    let info = SiteInfo::new(&ws.config);
    let mut files = render::render(&site, &info, &ws.config, &theme)?;
    let docs = if args.no_search {
        Vec::new()
    } else {
        let docs = search::docs(&site.articles);
        files.extend(search::index_files(&docs));
        docs
    };
    let content = ws.content_dir();
    let copies: Vec<(PathBuf, String)> = site
        .assets
        .iter()
        .map(|rel| (content.join(rel), rel.to_string_lossy().replace('\\', "/")))
        .collect();
    bar.set_message("writing the site");
    let written = output::write_site(&out_dir, &files, &copies)
        .with_context(|| format!("the site in {} is not complete", super::shown(&out_dir)))?;
    if let Ok(Err(e)) = saving.join() {
        bar.suspend(|| eprintln!("warning: the build cache was not saved: {e}"));
    }
    bar.finish_and_clear();
    let drafts = site.articles.iter().filter(|a| a.draft.is_some()).count();
    writeln!(
        std::io::stdout(),
        "built {} issues{}, {} pages and {} files into {} in {:.1} s ({} written, {} removed; {} pages searchable, {} warnings)",
        site.articles.len() - drafts,
        if drafts > 0 {
            format!(" and {drafts} drafts")
        } else {
            String::new()
        },
        site.pages.len(),
        files.len() + copies.len(),
        super::shown(&out_dir),
        started.elapsed().as_secs_f64(),
        written.written,
        written.removed,
        docs.len(),
        warnings.len()
    )?;
    Ok(ExitCode::SUCCESS)
}

/// A spinner with the current step on a terminal; nothing in CI or a pipe.
fn progress() -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {msg} {elapsed}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}
