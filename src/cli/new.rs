//! `twir new`: next week's draft from the template, with the events still ahead.

use anyhow::{Context, bail};
use jiff::civil::Date;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use twir::draft;
use twir::workspace::{self, Parsed, Workspace};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The issue date (default: a week after the latest issue)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
}

pub fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>()
        .map_err(|_| format!("`{s}` is not a date in the form YYYY-MM-DD"))
}

pub fn run(root: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let ws = Workspace::open(root)?;
    let parsed = issues(&ws)?;
    let mut out = std::io::stdout().lock();
    create_next(&ws, &parsed, args.date, &mut out)?;
    Ok(ExitCode::SUCCESS)
}

/// The archive and the drafts, parsed, as the weekly cycle sees them: files in the draft
/// folder that are not named as drafts are left out with a warning, and a draft without a
/// date (an empty file) stops the cycle.
pub fn issues(ws: &Workspace) -> anyhow::Result<Vec<Parsed>> {
    let strays: Vec<PathBuf> = ws
        .strays()
        .into_iter()
        .map(|p| workspace::canonical(&p))
        .collect();
    for s in &strays {
        eprintln!(
            "warning: ignoring {}: drafts are named like `{}`",
            super::shown(s),
            ws.config.newsletter.file_name
        );
    }
    let files: Vec<PathBuf> = ws
        .issue_files()
        .into_iter()
        .filter(|f| !strays.contains(&workspace::canonical(f)))
        .collect();
    let parsed = workspace::parse_files(&files)?;
    let drafts: Vec<PathBuf> = ws
        .drafts()
        .iter()
        .map(|p| workspace::canonical(p))
        .collect();
    for p in parsed.iter().filter(|p| drafts.contains(&p.id)) {
        if p.issue.date().is_none() {
            let what = if p.issue.text.trim().is_empty() {
                "is empty"
            } else {
                "has no `Date:` header"
            };
            bail!(
                "the draft {} {what}; fill it in or remove it before making the next one",
                super::shown(&p.path)
            );
        }
    }
    Ok(parsed)
}

/// Plans, fills in and writes the draft after the latest of `parsed`; prints what it did.
pub fn create_next(
    ws: &Workspace,
    parsed: &[Parsed],
    date: Option<Date>,
    out: &mut impl Write,
) -> anyhow::Result<PathBuf> {
    let dated: Vec<(Date, &Parsed)> = parsed
        .iter()
        .filter_map(|p| Some((p.issue.effective_date()?, p)))
        .collect();
    let latest = dated.iter().max_by_key(|(d, _)| *d);
    let today = jiff::Zoned::now().date();
    let plan = draft::plan(
        &ws.config,
        latest.map(|(d, p)| (*d, p.issue.header.number())),
        date,
        today,
    )?;
    if let Some((_, p)) = dated.iter().find(|(d, _)| *d == plan.date) {
        bail!(
            "an issue dated {} already exists: {}",
            plan.date,
            super::shown(&p.path)
        );
    }
    let previous = dated
        .iter()
        .filter(|(d, _)| *d < plan.date)
        .max_by_key(|(d, _)| *d)
        .map(|(_, p)| {
            let mut issue = p.issue.clone();
            issue.name = super::shown(&p.path);
            issue
        });
    let previous = previous.as_ref();
    let template_path = ws.template_path();
    let template = match std::fs::read_to_string(&template_path) {
        Ok(t) => Some(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e).context(format!("cannot read {}", template_path.display())),
    };
    let shown = super::shown(&template_path);
    let new = draft::render(
        &ws.config,
        &plan,
        template.as_deref().map(|t| (shown.as_str(), t)),
        previous,
    )?;
    let dir = ws.draft_dir();
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let path = dir.join(ws.config.file_name(plan.date));
    twir::fsutil::create_new(&path, new.text.as_bytes()).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            anyhow::anyhow!("{} exists; not overwriting it", super::shown(&path))
        } else {
            anyhow::Error::new(e).context(format!("cannot write {}", path.display()))
        }
    })?;
    writeln!(out, "created {}", super::shown(&path))?;
    writeln!(out, "  {}", plan.explain(&ws.config))?;
    if let Some((_, p)) = latest {
        writeln!(out, "  the latest issue: {}", super::shown(&p.path))?;
    }
    if template.is_none() {
        writeln!(out, "  template: built-in ({} not found)", shown)?;
    }
    if let Some(prev) = previous {
        writeln!(
            out,
            "  events: {} carried over from {}, {} dropped",
            new.carried,
            prev.name,
            new.dropped.len()
        )?;
        for why in &new.dropped {
            writeln!(out, "    dropped {why}")?;
        }
    }
    for w in &new.warnings {
        eprintln!("warning: {w}");
    }
    if plan.date < today {
        eprintln!("warning: the issue date {} is already past", plan.date);
    }
    Ok(path)
}
