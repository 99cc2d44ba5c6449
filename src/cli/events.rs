//! `twir events`: the events section from calendars, Meetup exports and the draft itself,
//! printed or spliced into a draft.

use super::new::parse_date;
use anyhow::{Context, bail};
use jiff::civil::Date;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use twir::config::EventSource;
use twir::events::pipeline::{self, Window};
use twir::events::record::{self, Record};
use twir::events::{WINDOW_DAYS, WINDOW_PREFIX, ics, meetup, splice};
use twir::fetch::Source;
use twir::workspace::Workspace;

/// Sources fetched at once; fetching waits on the network, not the CPU.
const FETCHERS: usize = 8;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// An iCalendar feed: a file or an http(s) URL (repeatable)
    #[arg(long, value_name = "FILE_OR_URL")]
    ics: Vec<String>,
    /// A JSON export in the shape of TWIR's Meetup script (repeatable)
    #[arg(long, value_name = "FILE_OR_URL")]
    json: Vec<String>,
    /// The issue date; the window runs 28 days from it (default: the draft's date)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// Replace the events list of this draft (its own events are kept)
    #[arg(long, value_name = "DRAFT")]
    into: Option<PathBuf>,
    /// Go on when a source fails, with the events of the others
    #[arg(long)]
    keep_going: bool,
}

enum Kind {
    Ics(ics::Defaults),
    Json,
}

struct Input {
    source: Source,
    kind: Kind,
}

impl Input {
    /// The source as messages name it: a URL, or a path relative to the working folder.
    fn name(&self) -> String {
        match &self.source {
            Source::File(p) => super::shown(p),
            Source::Url(u) => u.clone(),
        }
    }
}

pub fn run(root: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let ws = Workspace::open(root)?;
    let cwd = std::env::current_dir()?;
    let (draft, date) = super::draft_and_date(args.into.as_deref(), args.date)?;
    let window = Window::from_issue_date(date, WINDOW_DAYS);
    if let Some(d) = &draft {
        // Fail before any network call when the draft cannot take the list.
        splice::list_span(d).with_context(|| format!("cannot update {}", d.name))?;
    }

    let mut inputs: Vec<Input> = Vec::new();
    for spec in &args.ics {
        inputs.push(Input {
            source: Source::new(spec, &cwd),
            kind: Kind::Ics(ics::Defaults::default()),
        });
    }
    for spec in &args.json {
        inputs.push(Input {
            source: Source::new(spec, &cwd),
            kind: Kind::Json,
        });
    }
    for s in &ws.config.events.sources {
        inputs.push(configured(s, &ws.root));
    }
    if inputs.is_empty() && draft.is_none() {
        bail!("no sources: give --ics or --json, or list [[events.sources]] in twir.toml");
    }

    let mut records: Vec<Record> = Vec::new();
    let mut warnings: Vec<String> = Vec::new();
    let mut from_draft = 0;
    if let Some(d) = &draft {
        let (mine, problems) = record::from_issue(d, &d.name);
        from_draft = mine.len();
        records.extend(mine);
        warnings.extend(problems);
    }
    let progress = progress(&inputs);
    let results = twir::par::map_on(FETCHERS, &inputs, |input| {
        let result = read(input, window);
        progress.inc(1);
        result
    });
    progress.finish_and_clear();
    let mut failed = 0;
    for result in results {
        match result {
            Ok((mut r, w)) => {
                records.append(&mut r);
                warnings.extend(w);
            }
            Err(e) if args.keep_going => {
                failed += 1;
                eprintln!("error: {e:#} (skipped: --keep-going)");
            }
            Err(e) => {
                return Err(e.context(
                    "a source failed; nothing was written (--keep-going goes on without it)",
                ));
            }
        }
    }

    let assembled = pipeline::assemble(records, window, &ws.config.events);
    for w in warnings.iter().chain(&assembled.warnings) {
        eprintln!("warning: {w}");
    }
    let list = record::render_list(&assembled.groups, &ws.config.events.hybrid);
    let dates = format!("{} - {}", window.start, window.end);
    let mut out = std::io::stdout().lock();
    match (&draft, &args.into) {
        (Some(d), Some(path)) => {
            let text = splice::splice(d, &list, &dates)
                .with_context(|| format!("cannot update {}", path.display()))?;
            super::write_draft(&mut out, path, &d.text, &text)?;
            let kept_from_draft = assembled
                .groups
                .iter()
                .flat_map(|(_, l)| l)
                .filter(|r| r.written.is_some())
                .count();
            writeln!(
                out,
                "  {} events: {} from the draft ({} dropped), {} new from {} source(s){}",
                assembled.count(),
                kept_from_draft,
                from_draft - kept_from_draft.min(from_draft),
                assembled.count() - kept_from_draft,
                inputs.len() - failed,
                if failed > 0 {
                    format!(", {failed} source(s) failed")
                } else {
                    String::new()
                }
            )?;
            for (_, why) in &assembled.dropped {
                writeln!(out, "    dropped {why}")?;
            }
        }
        _ => {
            writeln!(out, "{WINDOW_PREFIX} {dates} 🦀\n")?;
            if !list.is_empty() {
                writeln!(out, "{list}")?;
            }
            for (_, why) in &assembled.dropped {
                eprintln!("dropped {why}");
            }
        }
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn configured(s: &EventSource, root: &Path) -> Input {
    match (&s.ics, &s.json) {
        (Some(spec), _) => Input {
            source: Source::new(spec, root),
            kind: Kind::Ics(ics::Defaults {
                organizer: s.organizer.clone(),
                organizer_url: s.organizer_url.clone(),
                location: s.location.clone(),
                timezone: s.timezone.clone(),
            }),
        },
        // The configuration is checked on load: one of the two is set.
        (None, spec) => Input {
            source: Source::new(spec.as_deref().unwrap_or_default(), root),
            kind: Kind::Json,
        },
    }
}

/// Reads and parses one source.
fn read(input: &Input, window: Window) -> anyhow::Result<(Vec<Record>, Vec<String>)> {
    let name = input.name();
    let text = input.source.read()?;
    Ok(match &input.kind {
        Kind::Ics(defaults) => {
            let feed = ics::parse(&name, &text, window, defaults)?;
            (feed.records, feed.warnings)
        }
        Kind::Json => meetup::parse(&name, &text)?,
    })
}

/// A progress line on a terminal while remote sources are fetched; nothing otherwise.
fn progress(inputs: &[Input]) -> indicatif::ProgressBar {
    let remote = inputs.iter().filter(|i| i.source.is_remote()).count();
    if remote == 0 {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(inputs.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "fetching sources {pos}/{len} {wide_bar} {elapsed}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}
