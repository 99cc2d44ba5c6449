//! `twir publish`: the weekly cut-over. The draft passes `check --ready`, moves to the
//! content folder in one step, and next week's draft is created.

use anyhow::{Context, bail};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use twir::diagnostic::{Level, human};
use twir::lint::{self, RunOptions};
use twir::workspace::{self, Workspace};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The draft to publish (default: the only draft, or the oldest of several)
    draft: Option<PathBuf>,
    /// Publish even when `twir check --ready` reports errors
    #[arg(long)]
    force: bool,
}

pub fn run(root: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let ws = Workspace::open(root)?;
    let draft = match args.draft {
        Some(d) => d,
        None => ws
            .drafts()
            .into_iter()
            .next()
            .with_context(|| format!("no draft to publish in {}", ws.draft_dir().display()))?,
    };
    if !draft.is_file() {
        bail!("cannot read {}: no such file", draft.display());
    }
    let mut out = std::io::stdout().lock();
    let files = ws.issue_files();
    let parsed = workspace::parse_files(&files)?;
    let history = ws.history(&parsed);
    let id = workspace::canonical(&draft);
    let mut issue = match parsed.iter().find(|p| p.id == id) {
        Some(p) => p.issue.clone(),
        None => {
            workspace::parse_files(std::slice::from_ref(&draft))?
                .remove(0)
                .issue
        }
    };
    issue.name = super::shown(&draft);
    let diags = lint::check(
        &issue,
        &id,
        &ws.config,
        &history,
        RunOptions { ready: true },
    );
    let errors = diags.iter().filter(|d| d.level == Level::Error).count();
    if errors > 0 {
        for d in diags.iter().filter(|d| d.level == Level::Error) {
            writeln!(out, "{}\n", human::render(&issue, d, false))?;
        }
        if !args.force {
            writeln!(
                out,
                "not published: {} has {errors} error(s) under `twir check --ready`; fix them or use --force",
                super::shown(&draft)
            )?;
            return Ok(ExitCode::from(1));
        }
        writeln!(out, "publishing despite {errors} error(s) (--force)")?;
    }
    let name = draft.file_name().context("the draft has no file name")?;
    let content = ws.content_dir();
    std::fs::create_dir_all(&content)
        .with_context(|| format!("cannot create {}", content.display()))?;
    let target = content.join(name);
    twir::fsutil::move_new(&draft, &target).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            anyhow::anyhow!("{} exists; not overwriting it", target.display())
        } else {
            anyhow::Error::new(e).context(format!("cannot move {}", draft.display()))
        }
    })?;
    writeln!(
        out,
        "published {} -> {} (issue {}, {})",
        super::shown(&draft),
        super::shown(&target),
        issue
            .header
            .number()
            .map_or("without a number".to_string(), |n| n.to_string()),
        issue
            .effective_date()
            .map_or("undated".to_string(), |d| d.to_string())
    )?;
    // The archive as it is now, with the published issue under its new name.
    let parsed = super::new::issues(&ws)?;
    super::new::create_next(&ws, &parsed, None, &mut out)?;
    Ok(ExitCode::SUCCESS)
}
