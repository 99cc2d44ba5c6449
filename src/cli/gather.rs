//! `twir gather`: the Rust Project's merged PRs and the perf triage, from GitHub, printed
//! or spliced into a draft.

use super::new::parse_date;
use anyhow::Context;
use jiff::ToSpan;
use jiff::civil::Date;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use twir::fetch::Source;
use twir::gather::perf::Report;
use twir::gather::{github, project, splice};
use twir::http::{Cache, Client, Token};
use twir::issue::Issue;
use twir::workspace::Workspace;

/// A gathered body runs up to the next `###` heading (its own `####` groups included).
const STOP: u8 = 3;

/// The sections `twir gather` makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum Section {
    /// "Updates from the Rust Project": merged PRs, grouped
    Project,
    /// "Rust Compiler Performance Triage", from the week's rustc-perf report
    Perf,
}

impl Section {
    fn title(self) -> &'static str {
        match self {
            Section::Project => "Updates from the Rust Project",
            Section::Perf => "Rust Compiler Performance Triage",
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The sections to gather (default: all)
    #[arg(value_enum)]
    sections: Vec<Section>,
    /// The issue date (default: the draft's `Date:`)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// Replace those sections' bodies in this draft
    #[arg(long, value_name = "DRAFT")]
    into: Option<PathBuf>,
    /// The triage report to use instead of finding the week's on GitHub
    #[arg(long, value_name = "FILE_OR_URL")]
    perf_report: Option<String>,
    /// Go on when a section fails, with the others
    #[arg(long)]
    keep_going: bool,
}

pub fn run(root: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let ws = Workspace::open(root)?;
    let (draft, date) = super::draft_and_date(args.into.as_deref(), args.date)?;
    let mut sections = args.sections.clone();
    if sections.is_empty() {
        sections = vec![Section::Project, Section::Perf];
    }
    sections.sort();
    sections.dedup();
    if let Some(d) = &draft {
        // Fail before any request when the draft cannot take a section.
        for s in &sections {
            splice::replace_body(d, s.title(), "", STOP)
                .with_context(|| format!("cannot update {}", d.name))?;
        }
    }
    // TWIR's week: merged from eight days before the issue to the day before, in UTC.
    let (from, to) = (date.saturating_sub(8.days()), date.saturating_sub(1.day()));

    let token = Token::from_env();
    if token.is_none() {
        eprintln!(
            "note: no GITHUB_TOKEN or GH_TOKEN: working within GitHub's anonymous rate limit"
        );
    }
    let cache = Cache::open(&ws.root.join(".twir-cache/http"))
        .map_err(|e| eprintln!("warning: no HTTP cache: {e}"))
        .ok();
    let bar = progress();
    let shown_bar = bar.clone();
    let client = Client::new(&ws.config.github.base(), token, cache)
        .on_wait(move |m| shown_bar.set_message(m.to_string()));

    let mut made: Vec<(Section, String)> = Vec::new();
    let mut failed = 0;
    for section in &sections {
        bar.set_message(format!("gathering {}", section.title()));
        let result = match section {
            Section::Project => gather_project(&ws, &client, from, to),
            Section::Perf => gather_perf(&ws, &client, args.perf_report.as_deref(), from, to),
        };
        match result {
            Ok(body) => made.push((*section, body)),
            Err(e) if args.keep_going => {
                failed += 1;
                bar.suspend(|| eprintln!("error: {e:#} (skipped: --keep-going)"));
            }
            Err(e) => {
                bar.finish_and_clear();
                return Err(e.context("nothing was written (--keep-going goes on without it)"));
            }
        }
    }
    bar.finish_and_clear();

    let mut out = std::io::stdout().lock();
    match (&draft, &args.into) {
        (Some(d), Some(path)) => {
            let mut text = d.text.clone();
            for (section, body) in &made {
                let issue = Issue::from_text(d.name.clone(), &text);
                text = splice::replace_body(&issue, section.title(), body, STOP)?;
            }
            super::write_draft(&mut out, path, &d.text, &text)?;
        }
        _ => {
            for (section, body) in &made {
                writeln!(out, "<!-- {} -->\n\n{}", section.title(), body.trim_end())?;
            }
        }
    }
    let s = &client.stats;
    eprintln!(
        "{} requests ({} answered from the cache, {} retried)",
        s.requests.load(Ordering::Relaxed),
        s.not_modified.load(Ordering::Relaxed),
        s.retries.load(Ordering::Relaxed),
    );
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn gather_project(ws: &Workspace, client: &Client, from: Date, to: Date) -> anyhow::Result<String> {
    let org = &ws.config.github.org;
    let found = github::merged_prs(client, org, from, to)?;
    for note in &found.notes {
        eprintln!("note: {note}");
    }
    let url = github::search_page_url(&format!("is:pr org:{org} is:merged merged:{from}..{to}"));
    let (body, left_out) = project::section(
        found.total,
        &url,
        &found.items,
        &ws.config.gather.project.groups,
    );
    if !left_out.is_empty() {
        let counts: Vec<String> = left_out
            .iter()
            .map(|(why, n)| format!("{n} {}", why.name()))
            .collect();
        eprintln!("left out of the candidates: {}", counts.join(", "));
    }
    Ok(body)
}

fn gather_perf(
    ws: &Workspace,
    client: &Client,
    given: Option<&str>,
    from: Date,
    to: Date,
) -> anyhow::Result<String> {
    let (text, page) = match given {
        Some(spec) => {
            let source = Source::new(spec, &std::env::current_dir()?);
            let text = source.read()?;
            let name = spec.rsplit('/').next().unwrap_or(spec);
            (
                text,
                format!("https://github.com/rust-lang/rustc-perf/blob/master/triage/{name}"),
            )
        }
        None => {
            let file = github::triage_report(client, from, to)?
                .with_context(|| format!("no rustc-perf triage report dated {from} to {to}"))?;
            let download = file
                .download_url
                .with_context(|| format!("{} has no download_url", file.name))?;
            let text = client.get(&download)?.body;
            let page = file.html_url.unwrap_or(download);
            (text, page)
        }
    };
    let report = Report::parse(&text)?;
    if report.counts.contains('?') {
        eprintln!("warning: the triage report leaves `???` in its counts: fill them in by hand");
    }
    Ok(report.section(&page, ws.config.gather.perf.summary_table))
}

/// A spinner with what is being fetched, on a terminal; nothing otherwise.
fn progress() -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {wide_msg} {elapsed}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}
