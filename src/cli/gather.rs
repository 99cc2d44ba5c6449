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
use twir::gather::discourse::{self, Kind};
use twir::gather::perf::Report;
use twir::gather::splice::Stop;
use twir::gather::{github, labels, lists, project, splice};
use twir::http::{Cache, Client, Token};
use twir::issue::Issue;
use twir::workspace::Workspace;

/// The sections `twir gather` makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum Section {
    /// "Updates from the Rust Project": merged PRs, grouped
    Project,
    /// "Rust Compiler Performance Triage", from the week's rustc-perf report
    Perf,
    /// "Calls for Testing": items labelled `call-for-testing` during the week
    Cft,
    /// "Approved RFCs" and "New and Updated RFCs": RFC PRs merged and opened
    Rfcs,
    /// "Final Comment Period": items labelled `final-comment-period` during the week
    Fcp,
    /// "Crate of the Week": the week's nominations on Discourse, as a comment to pick from
    Cotw,
    /// "Quote of the Week": the week's nominations on Discourse, as a comment to pick from
    Qotw,
    /// The open pull requests that add items to the draft, placed where they belong
    Submissions,
}

/// Where a gathered text goes in its section.
#[derive(Clone, Copy, Debug)]
enum Place {
    /// It is the section's body, up to the stop.
    Body(Stop),
    /// It is a comment block opening with this marker, beside what the editor wrote.
    Block(&'static str),
}

/// One section's text as it goes into the draft.
struct Part {
    title: &'static str,
    place: Place,
    body: String,
}

/// The draft sections a gathered section fills, and where each text goes.
fn parts(section: Section) -> &'static [(&'static str, Place)] {
    // A body runs to the next `###` heading (its own `####` groups included); the Final
    // Comment Period's stops at `#### New and Updated RFCs`.
    const THREE: Stop = Stop {
        level: 3,
        title: None,
    };
    match section {
        Section::Project => &[("Updates from the Rust Project", Place::Body(THREE))],
        Section::Perf => &[("Rust Compiler Performance Triage", Place::Body(THREE))],
        Section::Cft => &[(
            "Calls for Testing",
            Place::Body(Stop {
                level: 2,
                title: None,
            }),
        )],
        Section::Rfcs => &[
            ("Approved RFCs", Place::Body(THREE)),
            ("New and Updated RFCs", Place::Body(THREE)),
        ],
        Section::Fcp => &[(
            "Final Comment Period",
            Place::Body(Stop {
                level: 3,
                title: Some("New and Updated RFCs"),
            }),
        )],
        Section::Cotw => &[("Crate of the Week", Place::Block(discourse::COTW_MARKER))],
        Section::Qotw => &[("Quote of the Week", Place::Block(discourse::QOTW_MARKER))],
        // Placed item by item (see `submissions`), not as a section.
        Section::Submissions => &[],
    }
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The sections to gather (default: the five from GitHub)
    #[arg(value_enum)]
    sections: Vec<Section>,
    /// The issue date (default: the draft's `Date:`)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// Replace those sections' bodies in this draft (submissions: the draft to place them in; default the newest)
    #[arg(long, visible_alias = "draft", value_name = "DRAFT")]
    into: Option<PathBuf>,
    /// The triage report to use instead of finding the week's on GitHub
    #[arg(long, value_name = "FILE_OR_URL")]
    perf_report: Option<String>,
    /// Go on when a section fails, with the others
    #[arg(long)]
    keep_going: bool,
    /// submissions: say what would be placed, write nothing
    #[arg(long)]
    dry_run: bool,
    /// submissions: commit the edited draft as one merge of the PRs it still holds
    #[arg(long)]
    merge: bool,
    /// submissions: go on although the draft has uncommitted changes of its own
    #[arg(long)]
    allow_dirty: bool,
}

pub fn run(root: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let ws = Workspace::open(root)?;
    let wants_submissions = args.sections.contains(&Section::Submissions);
    if wants_submissions && args.sections.len() > 1 {
        anyhow::bail!("gather `submissions` on its own: it places PRs item by item");
    }
    if (args.merge || args.dry_run || args.allow_dirty) && !wants_submissions {
        anyhow::bail!("--merge, --dry-run and --allow-dirty go with `twir gather submissions`");
    }
    if wants_submissions {
        let path = super::submissions::draft_path(&ws, args.into.as_deref())?;
        if args.merge {
            return super::submissions::merge(&ws, &path, args.allow_dirty);
        }
        let opts = super::submissions::Options {
            dry_run: args.dry_run,
            keep_going: args.keep_going,
            allow_dirty: args.allow_dirty,
        };
        return super::submissions::gather(&ws, &path, &opts);
    }
    let (draft, date) = super::draft_and_date(args.into.as_deref(), args.date)?;
    let named = !args.sections.is_empty();
    let mut sections = args.sections.clone();
    if sections.is_empty() {
        sections = vec![
            Section::Project,
            Section::Perf,
            Section::Cft,
            Section::Rfcs,
            Section::Fcp,
        ];
    }
    sections.sort();
    sections.dedup();
    if let Some(d) = &draft {
        let fits = |s: &Section| {
            parts(*s)
                .iter()
                .try_for_each(|(title, place)| put(d, title, *place, "").map(drop))
        };
        if !named {
            // All sections by default: those the draft has (an older layout lacks some).
            sections.retain(|s| match fits(s) {
                Ok(()) => true,
                Err(e) => {
                    eprintln!("note: skipping {s:?}: {e}");
                    false
                }
            });
        }
        // Fail before any request when the draft cannot take a section asked for.
        for s in &sections {
            fits(s).with_context(|| format!("cannot update {}", d.name))?;
        }
    }
    // TWIR's week: merged from eight days before the issue to the day before, in UTC.
    let (from, to) = (date.saturating_sub(8.days()), date.saturating_sub(1.day()));

    let token = Token::from_env();
    let from_github = sections
        .iter()
        .any(|s| !matches!(s, Section::Cotw | Section::Qotw));
    if token.is_none() && from_github {
        eprintln!(
            "note: no GITHUB_TOKEN or GH_TOKEN: working within GitHub's anonymous rate limit"
        );
    }
    let cache = Cache::open(&ws.cache_dir().join("http"))
        .map_err(|e| eprintln!("warning: no HTTP cache: {e}"))
        .ok();
    let bar = progress();
    let shown_bar = bar.clone();
    let client = Client::new(&ws.config.github.base(), token, cache)
        .on_wait(move |m| shown_bar.set_message(m.to_string()));

    let mut made: Vec<Part> = Vec::new();
    let mut failed = 0;
    for section in &sections {
        bar.set_message(format!("gathering {section:?}"));
        let result = match section {
            Section::Project => gather_project(&ws, &client, from, to).map(|b| vec![b]),
            Section::Perf => {
                gather_perf(&ws, &client, args.perf_report.as_deref(), from, to).map(|b| vec![b])
            }
            Section::Cft => {
                labels::entered(&client, lists::CFT_GROUPS, "call-for-testing", from, to)
                    .map(|found| vec![lists::cft(&found)])
                    .map_err(Into::into)
            }
            Section::Fcp => {
                labels::entered(&client, lists::FCP_GROUPS, "final-comment-period", from, to)
                    .map(|found| vec![lists::fcp(&found)])
                    .map_err(Into::into)
            }
            Section::Rfcs => gather_rfcs(&client, from, to),
            Section::Cotw => gather_nominations(&ws, Kind::Crate, date).map(|b| vec![b]),
            Section::Qotw => gather_nominations(&ws, Kind::Quote, date).map(|b| vec![b]),
            // Handled on its own before the loop.
            Section::Submissions => continue,
        };
        match result {
            Ok(bodies) => made.extend(parts(*section).iter().zip(bodies).map(
                |((title, place), body)| Part {
                    title,
                    place: *place,
                    body,
                },
            )),
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
            for part in &made {
                let issue = Issue::from_text(d.name.clone(), &text);
                text = put(&issue, part.title, part.place, &part.body)?;
            }
            super::write_draft(&mut out, path, &d.text, &text)?;
        }
        _ => {
            for part in &made {
                writeln!(out, "<!-- {} -->\n\n{}\n", part.title, part.body.trim_end())?;
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

/// `text` with `body` put in the section titled `title` as `place` says.
fn put(
    issue: &Issue,
    title: &str,
    place: Place,
    body: &str,
) -> Result<String, splice::SpliceError> {
    match place {
        Place::Body(stop) => splice::replace_body(issue, title, body, stop),
        Place::Block(marker) => splice::put_block(issue, title, marker, body),
    }
}

/// The nominations posted in a Discourse thread since the issue before `date`.
fn gather_nominations(ws: &Workspace, kind: Kind, date: Date) -> anyhow::Result<String> {
    let forum = &ws.config.discourse;
    let topic = match kind {
        Kind::Crate => forum.cotw_topic,
        Kind::Quote => forum.qotw_topic,
    };
    let cache = Cache::open(&ws.cache_dir().join("http")).ok();
    let client = Client::json_api(&forum.base(), cache);
    let (slug, posts) = discourse::posts(&client, topic)?;
    let after = previous_issue(ws, date);
    let thread = format!("{}/t/{slug}/{topic}", forum.base().trim_end_matches('/'));
    let noms = discourse::nominations(&posts, topic, &thread, kind, after, date);
    eprintln!(
        "{} nominations in {thread} after {after} ({} posts read)",
        noms.len(),
        posts.len()
    );
    Ok(discourse::block(kind, &thread, after, date, &noms))
}

/// The date of the last published issue before `date`, or a week before it.
fn previous_issue(ws: &Workspace, date: Date) -> Date {
    let content = twir::workspace::canonical(&ws.content_dir());
    let files: Vec<PathBuf> = ws
        .issue_files()
        .into_iter()
        .filter(|p| twir::workspace::canonical(p).starts_with(&content))
        .collect();
    twir::workspace::parse_files(&files)
        .unwrap_or_default()
        .iter()
        .filter_map(|p| p.issue.effective_date())
        .filter(|d| *d < date)
        .max()
        .unwrap_or_else(|| date.saturating_sub(7.days()))
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

/// The RFC PRs merged and opened in the week: the Approved and the New RFCs bodies.
fn gather_rfcs(client: &Client, from: Date, to: Date) -> anyhow::Result<Vec<String>> {
    let search = |query: String| -> anyhow::Result<Vec<github::Item>> {
        Ok(github::search(client, &query)?
            .with_context(|| format!("more than 1,000 results for `{query}`"))?
            .items)
    };
    let queries = [
        format!("repo:rust-lang/rfcs is:pr is:merged merged:{from}..{to}"),
        format!("repo:rust-lang/rfcs is:pr state:open created:{from}..{to}"),
    ];
    let mut found = twir::par::map_on(2, &queries, |q| search(q.clone()))
        .into_iter()
        .collect::<anyhow::Result<Vec<_>>>()?;
    let opened = found.pop().unwrap_or_default();
    let merged = found.pop().unwrap_or_default();
    Ok(vec![lists::approved(&merged), lists::new_rfcs(&opened)])
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
