//! Command-line arguments and dispatch: one file per command.

mod build;
mod check;
mod email;
mod events;
mod gather;
mod init;
mod new;
mod publish;
mod serve;
mod submissions;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "twir",
    version,
    about = "The newsroom of a \"This Week in X\" newsletter"
)]
pub struct Cli {
    /// The newsletter's root (default: the nearest folder up with twir.toml or content/ and draft/)
    #[arg(long, global = true, value_name = "DIR")]
    root: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Start a new newsletter in a folder: twir.toml, content/, draft/ and a template
    Init(init::Args),
    /// Check issues against the style rules (default: the drafts)
    Check(check::Args),
    /// Create next week's draft from the template
    New(new::Args),
    /// Move the draft into the archive after `check --ready`, then create the next draft
    Publish(publish::Args),
    /// Build the events list from calendars and exports; print it or update a draft
    Events(events::Args),
    /// Gather the sections that come from data (GitHub, the perf triage, the forum, submitted PRs); print them or update a draft
    Gather(gather::Args),
    /// Build the website: every issue at the old site's URLs, feeds, search
    Build(build::Args),
    /// Write the email edition of an issue (HTML with inlined CSS, and plain text)
    Email(email::Args),
    /// Preview the site on 127.0.0.1, rebuilding what changes and reloading the page
    Serve(serve::Args),
}

/// The draft named by `--into`, if any, and the issue date: `--date`, else the draft's
/// `Date:`. Commands that fill a draft section (`events`, `gather`) share this.
fn draft_and_date(
    into: Option<&std::path::Path>,
    date: Option<jiff::civil::Date>,
) -> anyhow::Result<(Option<twir::issue::Issue>, jiff::civil::Date)> {
    use anyhow::Context;
    let draft = match into {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            let text = String::from_utf8(bytes)
                .map_err(|_| anyhow::anyhow!("{} is not valid UTF-8", path.display()))?;
            Some(twir::issue::Issue::from_text(shown(path), &text))
        }
        None => None,
    };
    let date = match (date, &draft) {
        (Some(d), _) => d,
        (None, Some(d)) => d
            .date()
            .with_context(|| format!("{} has no `Date:` header; give --date", d.name))?,
        (None, None) => anyhow::bail!("give the issue date with --date, or a draft with --into"),
    };
    Ok((draft, date))
}

/// Writes a draft's new text atomically, or says it is up to date when nothing changed.
fn write_draft(
    out: &mut impl std::io::Write,
    path: &std::path::Path,
    old: &str,
    new: &str,
) -> anyhow::Result<()> {
    use anyhow::Context;
    if new == old {
        writeln!(out, "{} is up to date", shown(path))?;
    } else {
        twir::fsutil::write_atomic(path, new.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?;
        writeln!(out, "updated {}", shown(path))?;
    }
    Ok(())
}

/// `path` relative to the working directory when it lies below it, for messages.
fn shown(path: &std::path::Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    path.strip_prefix(&cwd)
        .unwrap_or(path)
        .display()
        .to_string()
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // The commands that need no newsletter root.
    match &cli.command {
        Command::Init(args) => return init::run(args),
        Command::Check(args) if args.explain.is_some() => return check::explain(args),
        _ => {}
    }
    let cwd = std::env::current_dir()?;
    let root = match (cli.root, &cli.command) {
        (Some(r), _) => r,
        // Files checked by path need no newsletter around them.
        (None, Command::Check(args)) if !args.paths.is_empty() => {
            twir::workspace::Workspace::find_root(&cwd).unwrap_or(cwd)
        }
        (None, _) => twir::workspace::Workspace::find_root(&cwd)?,
    };
    match cli.command {
        Command::Init(_) => unreachable!("handled above"),
        Command::Check(args) => check::run(&root, args),
        Command::New(args) => new::run(&root, args),
        Command::Publish(args) => publish::run(&root, args),
        Command::Events(args) => events::run(&root, args),
        Command::Gather(args) => gather::run(&root, args),
        Command::Build(args) => build::run(&root, args),
        Command::Email(args) => email::run(&root, args),
        Command::Serve(args) => serve::run(&root, args),
    }
}
