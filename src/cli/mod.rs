//! Command-line arguments and dispatch: one file per command.

mod check;

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
    /// Check issues against the style rules (default: the drafts)
    Check(check::Args),
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let root = match cli.root {
        Some(r) => r,
        None => twir::workspace::Workspace::find_root(&std::env::current_dir()?),
    };
    match cli.command {
        Command::Check(args) => check::run(&root, args),
    }
}
