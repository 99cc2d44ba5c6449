//! `twir check`: lint issues, print findings rustc-style or as JSON lines, apply safe fixes.

use anyhow::{Context, bail};
use clap::ValueEnum;
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use twir::diagnostic::{Diagnostic, Level, human, json};
use twir::http::{Cache, Client, Token};
use twir::issue::{Issue, edit};
use twir::lint::{self, RunOptions};
use twir::online;
use twir::workspace::{self, Parsed, Workspace};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Issue files or folders to check (default: draft/*.md)
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Also look for duplicate links in the N most recent issues
    #[arg(long, value_name = "N")]
    recent: Option<usize>,
    /// Publication gate: unfinished work (placeholders, empty sections) is an error
    #[arg(long)]
    ready: bool,
    /// Apply the safe fixes and write the files
    #[arg(long)]
    fix: bool,
    /// Also fetch every web link of the files checked (link-broken, link-redirect,
    /// link-title, link-unverifiable)
    #[arg(long)]
    online: bool,
    /// Never touch the network (the default)
    #[arg(long, conflicts_with = "online")]
    offline: bool,
    /// Print a lint's documentation and exit
    #[arg(long, value_name = "CODE")]
    pub explain: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
}

/// A fix pass can leave work for the next when edits overlap; a few passes settle it.
const FIX_PASSES: usize = 4;

/// `twir check --explain CODE`: a lint's documentation; needs no newsletter root.
pub fn explain(args: &Args) -> anyhow::Result<ExitCode> {
    let code = args.explain.as_deref().unwrap_or_default();
    let Some(lint) = lint::find(code) else {
        let codes: Vec<_> = lint::LINTS.iter().map(|l| l.code).collect();
        bail!("no lint `{code}`; lints are: {}", codes.join(", "));
    };
    writeln!(
        std::io::stdout().lock(),
        "{} ({} by default{}{})\n\n{}\n\nLevels:\n{}\n\n{}",
        lint.code,
        lint.default_level,
        if lint.unfinished {
            ", error with --ready"
        } else {
            ""
        },
        if lint.fixable { ", fixable" } else { "" },
        lint.summary,
        lint.levels,
        lint.explain
    )?;
    Ok(ExitCode::SUCCESS)
}

pub fn run(root: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let mut ws = if args.paths.is_empty() || twir::workspace::is_root(root) {
        Workspace::open(root)?
    } else {
        Workspace::detached(root)
    };
    if let Some(n) = args.recent {
        ws.config.check.recent = n;
    }
    let targets = targets(&ws, &args.paths)?;
    // Parse the archive and the targets once; a target inside the archive is reused.
    let archive_files = ws.issue_files();
    let mut all: Vec<PathBuf> = archive_files.clone();
    all.extend(targets.iter().cloned());
    let parsed = workspace::parse_files(&dedup(&all))?;
    let by_id: HashMap<PathBuf, &Parsed> = parsed.iter().map(|p| (p.id.clone(), p)).collect();
    let archive_ids: Vec<PathBuf> = archive_files
        .iter()
        .map(|p| workspace::canonical(p))
        .collect();
    let archive: Vec<&Parsed> = archive_ids
        .iter()
        .filter_map(|id| by_id.get(id).copied())
        .collect();
    let history = {
        let entries = archive
            .iter()
            .map(|p| {
                let mut entry =
                    twir::archive::Entry::from_issue(p.id.clone(), &p.issue, &ws.config);
                entry.name = super::shown(&p.path);
                entry
            })
            .collect();
        let template = std::fs::read_to_string(ws.template_path()).ok();
        twir::archive::History::new(entries, template.as_deref())
    };
    let opts = RunOptions { ready: args.ready };
    let color = args.format == Format::Human
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    let (mut errors, mut warnings, mut files_with) = (0, 0, 0);
    // Lint every target on all cores; fixes and output stay sequential and in order.
    let checked = twir::par::map(&targets, |target| -> anyhow::Result<_> {
        let id = workspace::canonical(target);
        let parsed = by_id.get(&id).context("target was parsed")?;
        let mut issue = parsed.issue.clone();
        issue.name = super::shown(target);
        let diags = lint::check(&issue, &id, &ws.config, &history, opts);
        Ok((id, issue, diags))
    });
    let checked: Vec<_> = checked.into_iter().collect::<anyhow::Result<_>>()?;
    let outcomes = if args.online && !args.offline {
        let issues: Vec<&Issue> = checked.iter().map(|(_, issue, _)| issue).collect();
        fetch_links(&ws, &issues)
    } else {
        HashMap::new()
    };
    // With --online, what the links' answers mean joins the offline findings.
    let add_online = |issue: &Issue, diags: &mut Vec<Diagnostic>| {
        if !outcomes.is_empty() {
            diags.extend(online::findings(issue, &ws.config, opts, &outcomes));
            diags.sort_by(|a, b| (a.span.start, a.code).cmp(&(b.span.start, b.code)));
        }
    };
    let mut notes = 0;
    for (target, (id, mut issue, mut diags)) in targets.iter().zip(checked) {
        add_online(&issue, &mut diags);
        if args.fix {
            let findings = |i: &Issue| {
                let mut diags = lint::check(i, &id, &ws.config, &history, opts);
                add_online(i, &mut diags);
                diags
            };
            (issue, diags) = fix(target, issue, diags, findings, &mut out)?;
        }
        if !diags.is_empty() {
            files_with += 1;
        }
        for d in &diags {
            match d.level {
                Level::Error => errors += 1,
                Level::Note => notes += 1,
                _ => warnings += 1,
            }
            match args.format {
                Format::Human => writeln!(out, "{}\n", human::render(&issue, d, color))?,
                Format::Json => writeln!(out, "{}", json::render(&issue, d))?,
            }
        }
    }
    if args.format == Format::Human && errors + warnings + notes > 0 {
        let notes = if notes > 0 {
            format!(", {notes} {}", plural(notes, "note"))
        } else {
            String::new()
        };
        writeln!(
            out,
            "{} {}, {} {}{notes} in {} {}",
            errors,
            plural(errors, "error"),
            warnings,
            plural(warnings, "warning"),
            files_with,
            plural(files_with, "file")
        )?;
    }
    out.flush()?;
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Asks for every web link of `issues` (through the cache), with a progress bar on a
/// terminal and a summary line on stderr.
fn fetch_links(ws: &Workspace, issues: &[&Issue]) -> HashMap<String, online::Outcome> {
    let targets = online::targets(issues, &ws.config);
    let bar = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(targets.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template("checking links {bar:30} {pos}/{len} {elapsed}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    // GitHub's issue and pull request titles come from its API when a token is there.
    let github = Token::from_env().map(|token| {
        let cache = Cache::open(&ws.cache_dir().join("http")).ok();
        Client::new(&ws.config.github.base(), Some(token), cache)
    });
    let report = online::check(
        &targets,
        &ws.config,
        Some(&ws.cache_dir()),
        github.as_ref(),
        &|| bar.inc(1),
    );
    bar.finish_and_clear();
    eprintln!(
        "checked {} {} ({} from the cache, {} {})",
        targets.len(),
        plural(targets.len(), "link"),
        report.cached,
        report.requests,
        plural(report.requests, "request")
    );
    report.outcomes
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

/// The files to check: the paths given (folders expanded), else the drafts.
fn targets(ws: &Workspace, paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    if paths.is_empty() {
        let drafts = ws.drafts();
        if drafts.is_empty() {
            bail!(
                "nothing to check: no PATH given and no drafts in {}",
                ws.draft_dir().display()
            );
        }
        return Ok(drafts);
    }
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(p)
                .with_context(|| format!("cannot read {}", p.display()))?
                .flatten()
                .map(|e| e.path())
                .filter(|f| f.is_file())
                .collect();
            files.sort();
            out.extend(files);
        } else if p.is_file() {
            out.push(p.clone());
        } else {
            bail!("cannot read {}: no such file", p.display());
        }
    }
    Ok(out)
}

fn dedup(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut seen = std::collections::HashSet::new();
    paths
        .iter()
        .filter(|p| seen.insert(workspace::canonical(p)))
        .cloned()
        .collect()
}

/// Applies safe fixes until none are left, writes the file once, and returns the issue
/// as written with its remaining findings.
fn fix(
    path: &Path,
    mut issue: Issue,
    mut diags: Vec<Diagnostic>,
    check: impl Fn(&Issue) -> Vec<Diagnostic>,
    out: &mut impl Write,
) -> anyhow::Result<(Issue, Vec<Diagnostic>)> {
    if issue.invalid_utf8.is_some() {
        writeln!(out, "not fixing {}: it is not valid UTF-8", path.display())?;
        return Ok((issue, diags));
    }
    let original = issue.text.clone();
    let mut fixed: Vec<String> = Vec::new();
    for _ in 0..FIX_PASSES {
        let safe: Vec<&Diagnostic> = diags
            .iter()
            .filter(|d| d.fix.as_ref().is_some_and(|f| f.safe))
            .collect();
        if safe.is_empty() {
            break;
        }
        let edits: Vec<edit::Edit> = safe
            .iter()
            .flat_map(|d| d.fix.as_ref().map(|f| f.edits.clone()).unwrap_or_default())
            .collect();
        let (text, _) = edit::apply(&issue.text, &edits);
        if text == issue.text {
            break;
        }
        for d in &safe {
            let (line, col) = issue.line_col(d.span.start);
            fixed.push(format!(
                "{}:{line}:{col}: {} ({})",
                path.display(),
                d.fix.as_ref().map_or("", |f| f.description.as_str()),
                d.code
            ));
        }
        issue = Issue::from_text(issue.name.clone(), &text);
        diags = check(&issue);
    }
    if issue.text != original {
        twir::fsutil::write_atomic(path, issue.text.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?;
        for line in &fixed {
            writeln!(out, "fixed {line}")?;
        }
    }
    Ok((issue, diags))
}
