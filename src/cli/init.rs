//! `twir init [DIR]`: the one way to start a newsletter — a `twir.toml`, `content/`,
//! `draft/` and the built-in draft template, in a folder that is new or empty.

use anyhow::{Context, bail};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use twir::config::Config;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The folder (default: the current one); created if missing, refused unless empty
    dir: Option<PathBuf>,
    /// The newsletter's name (default: "This Week in <folder name>")
    #[arg(long)]
    name: Option<String>,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let dir = match &args.dir {
        Some(d) => d.clone(),
        None => std::env::current_dir()?,
    };
    if dir.exists() {
        let mut entries =
            std::fs::read_dir(&dir).with_context(|| format!("cannot read {}", dir.display()))?;
        if entries.next().is_some() {
            bail!(
                "{} is not empty; `twir init` starts a newsletter only in a new or empty folder",
                dir.display()
            );
        }
    }
    let folder = std::fs::canonicalize(&dir)
        .unwrap_or_else(|_| dir.clone())
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "X".into());
    let name = args
        .name
        .clone()
        .unwrap_or_else(|| format!("This Week in {}", capitalised(&folder)));
    let slug = twir::site::slug::pelican(&name);
    let today = jiff::Zoned::now().date();
    let first = twir::draft::upcoming(&Config::default(), today);
    let toml = format!(
        "# twir.toml: every key is optional; the defaults reproduce This Week in Rust.\n\
# See twir's README for every key.\n\n\
[newsletter]\n\
name = {name:?}\n\
weekday = \"Wednesday\"\n\
reference_date = \"{first}\"    # the first issue's date ...\n\
reference_number = 1              # ... and number; one issue a week from there\n\
file_name = \"{{date}}-{slug}.md\"\n"
    );
    // Parse what is written, so `init` never leaves a configuration `twir` refuses.
    Config::parse(&toml, "twir.toml").context("the starter twir.toml does not parse")?;
    let write = |rel: &str, text: &str| -> anyhow::Result<()> {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        twir::fsutil::create_new(&path, text.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))
    };
    write("twir.toml", &toml)?;
    write("content/.gitkeep", "")?;
    write("draft/DRAFT_TEMPLATE", twir::draft::BUILTIN_TEMPLATE)?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "started {name:?} in {}: twir.toml, content/, draft/DRAFT_TEMPLATE",
        dir.display()
    )?;
    writeln!(
        out,
        "next: twir --root {} new   (issue 1 on {first})",
        dir.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|h| h.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
