//! `twir gather submissions`: the community's pull requests placed in the draft, checked,
//! and with `--merge` merged in one commit.
//!
//! Git is driven through the `git` command, not a library: it is where every editor
//! works already, it adds nothing to the build (gix would be the largest dependency on
//! two cores), and its plumbing (`hash-object`, a temporary index, `commit-tree` with
//! many parents, `update-ref`) makes the merge commit without touching the work tree or
//! the index beyond the draft.

use anyhow::{Context, bail};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use twir::diagnostic::{Level, human};
use twir::gather::submissions::{self, Ci, Submission, fetch};
use twir::http::{Cache, Client, Token};
use twir::issue::{Issue, edit};
use twir::lint::{self, RunOptions};
use twir::workspace::{self, Workspace};

/// What the flags ask.
pub struct Options {
    pub dry_run: bool,
    pub keep_going: bool,
    pub allow_dirty: bool,
}

/// A git repository, driven by the `git` command.
struct Git {
    root: PathBuf,
}

impl Git {
    /// The repository holding `path`.
    fn of(path: &Path) -> anyhow::Result<Git> {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let out = Command::new("git")
            .args(["rev-parse", "--show-toplevel"])
            .current_dir(dir)
            .output()
            .context("cannot run git (submissions are merged with the `git` command)")?;
        if !out.status.success() {
            bail!("{} is not in a git repository", path.display());
        }
        Ok(Git {
            root: PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()),
        })
    }

    /// Runs git with `args` (and `stdin`), failing with git's own words.
    fn run(
        &self,
        args: &[&str],
        env: &[(&str, &Path)],
        stdin: Option<&[u8]>,
    ) -> anyhow::Result<String> {
        let mut cmd = Command::new("git");
        cmd.args(args).current_dir(&self.root);
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
        let mut child = cmd.spawn().context("cannot run git")?;
        if let (Some(bytes), Some(mut pipe)) = (stdin, child.stdin.take()) {
            pipe.write_all(bytes)?;
        }
        let out = child.wait_with_output()?;
        if !out.status.success() {
            bail!(
                "git {} failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    }

    fn has_commit(&self, sha: &str) -> bool {
        self.run(&["cat-file", "-e", &format!("{sha}^{{commit}}")], &[], None)
            .is_ok()
    }

    /// `path` relative to the repository, with `/`.
    fn relative(&self, path: &Path) -> anyhow::Result<String> {
        let abs = workspace::canonical(path);
        let root = workspace::canonical(&self.root);
        Ok(abs
            .strip_prefix(&root)
            .with_context(|| format!("{} is outside {}", path.display(), self.root.display()))?
            .to_string_lossy()
            .replace('\\', "/"))
    }
}

/// The draft to work on: `--into`, else the newest draft.
pub fn draft_path(ws: &Workspace, into: Option<&Path>) -> anyhow::Result<PathBuf> {
    match into {
        Some(p) => Ok(p.to_path_buf()),
        None => ws.drafts().pop().with_context(|| {
            format!(
                "no draft in {}; give one with --into",
                ws.draft_dir().display()
            )
        }),
    }
}

/// Refuses a draft with changes of its own since the last commit (twir's placed items
/// aside), unless `--allow-dirty`: they would land in the merge commit unseen.
fn ensure_clean(git: &Git, rel: &str, text: &str, allow_dirty: bool) -> anyhow::Result<()> {
    if allow_dirty {
        return Ok(());
    }
    let committed = git
        .run(&["show", &format!("HEAD:{rel}")], &[], None)
        .unwrap_or_default();
    if submissions::without_placed(text).trim_end() != committed.trim_end() {
        bail!(
            "{rel} has changes of its own since the last commit; commit them first, or give --allow-dirty"
        );
    }
    Ok(())
}

pub fn gather(ws: &Workspace, path: &Path, opts: &Options) -> anyhow::Result<ExitCode> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let git = Git::of(path)?;
    let rel = git.relative(path)?;
    ensure_clean(&git, &rel, &text, opts.allow_dirty)?;
    let repo = &ws.config.github.repo;
    let token = Token::from_env();
    if token.is_none() {
        eprintln!(
            "note: no GITHUB_TOKEN or GH_TOKEN: working within GitHub's anonymous rate limit"
        );
    }
    let cache = Cache::open(&ws.cache_dir().join("http")).ok();
    let client = Client::new(&ws.config.github.base(), token, cache);
    let pulls = fetch::open_pulls(&client, repo)?;
    // Each PR judged on its own, four at a time: (PR, its items or why it is skipped).
    let judged = twir::par::map_on(4, &pulls, |pr| judge(&client, repo, &rel, &text, pr));
    let mut subs = Vec::new();
    let mut skipped: Vec<(u64, String)> = Vec::new();
    for (pr, verdict) in pulls.iter().zip(judged) {
        match verdict {
            Ok(Ok(sub)) => subs.push(sub),
            Ok(Err(why)) => skipped.push((pr.number, why)),
            Err(e) if opts.keep_going => skipped.push((pr.number, format!("error: {e:#}"))),
            Err(e) => {
                return Err(e.context(format!(
                    "#{}: nothing was written (--keep-going goes on)",
                    pr.number
                )));
            }
        }
    }
    // The heads --merge will name as parents: fetched now, while the network is there.
    let remote = &ws.config.github.remote;
    subs.retain(|s| {
        if git.has_commit(&s.sha) {
            return true;
        }
        let fetched = git.run(
            &[
                "fetch",
                "--quiet",
                remote,
                &format!("+refs/pull/{}/head:refs/twir/pull/{}", s.pr, s.pr),
            ],
            &[],
            None,
        );
        match fetched {
            Ok(_) if git.has_commit(&s.sha) => true,
            _ => {
                skipped.push((
                    s.pr,
                    format!("its head commit could not be fetched from `{remote}`"),
                ));
                false
            }
        }
    });
    let (placed, missing) = submissions::place(&text, &subs);
    for (pr, path) in &missing {
        skipped.push((*pr, format!("the draft has no section `{path}`")));
    }
    let (new, report) = check_placed(ws, path, &placed);
    let mut out = std::io::stdout().lock();
    let mut numbers: Vec<u64> = submissions::markers(&new).iter().map(|m| m.0).collect();
    numbers.sort();
    numbers.dedup();
    let title = |n: u64| {
        pulls
            .iter()
            .find(|p| p.number == n)
            .map_or(String::new(), |p| p.title.clone())
    };
    for n in &numbers {
        writeln!(out, "placed #{n} {}", title(*n))?;
        for line in report.iter().filter(|(p, _)| p == n).map(|(_, l)| l) {
            writeln!(out, "{line}")?;
        }
    }
    skipped.sort();
    for (n, why) in &skipped {
        writeln!(out, "skipped #{n} {}: {why}", title(*n))?;
    }
    if opts.dry_run {
        writeln!(out, "dry run: {} is unchanged", super::shown(path))?;
    } else {
        super::write_draft(&mut out, path, &text, &new)?;
        // What --merge lists in its message, kept beside the other caches; without it
        // the message names the PRs by number only.
        let mut known = read_titles(ws);
        for p in pulls.iter().filter(|p| numbers.contains(&p.number)) {
            known.insert(
                p.number.to_string(),
                format!("{} (@{})", p.title, p.user.login),
            );
        }
        let file = ws.cache_dir().join("submissions.json");
        let saved = std::fs::create_dir_all(ws.cache_dir()).and_then(|()| {
            twir::fsutil::write_atomic(&file, serde_json::to_string_pretty(&known)?.as_bytes())
        });
        if let Err(e) = saved {
            eprintln!("warning: cannot write {}: {e}", file.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The PRs' titles and authors the last runs saw, by number.
fn read_titles(ws: &Workspace) -> std::collections::BTreeMap<String, String> {
    std::fs::read(ws.cache_dir().join("submissions.json"))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

/// Why a PR is not a plain submission, or its items with the sections they go to.
fn judge(
    client: &Client,
    repo: &str,
    rel: &str,
    draft: &str,
    pr: &submissions::Pull,
) -> anyhow::Result<Result<Submission, String>> {
    if pr.draft {
        return Ok(Err("a draft pull request".into()));
    }
    if submissions::markers(draft)
        .iter()
        .any(|(n, _, _)| *n == pr.number)
    {
        return Ok(Err("already in the draft".into()));
    }
    let files = fetch::files(client, repo, pr.number)?;
    let names: Vec<&str> = files.iter().map(|f| f.filename.as_str()).collect();
    let [file] = files.as_slice() else {
        return Ok(Err(format!(
            "changes {} files: {}",
            files.len(),
            names.join(", ")
        )));
    };
    if file.filename != rel {
        return Ok(Err(format!(
            "changes {}, not the draft {rel}",
            file.filename
        )));
    }
    let Some(patch) = &file.patch else {
        return Ok(Err("GitHub shows no diff for it".into()));
    };
    let added = match submissions::added_items(patch) {
        Ok(a) => a,
        Err(why) => return Ok(Err(why)),
    };
    if added
        .iter()
        .any(|a| submissions::already_in(draft, &a.lines))
    {
        return Ok(Err("already in the draft".into()));
    }
    match fetch::ci(client, repo, &pr.head.sha)? {
        Ci::Passed => {}
        Ci::Pending(names) => return Ok(Err(format!("CI has not finished: {}", names.join(", ")))),
        Ci::Failed(names) => return Ok(Err(format!("CI failed: {}", names.join(", ")))),
    }
    // Where each item stands in the PR's own version of the draft.
    let raw = file
        .raw_url
        .as_deref()
        .context("GitHub gives no raw_url for the changed file")?;
    let theirs = client.get(raw)?.body;
    Ok(Ok(Submission {
        pr: pr.number,
        sha: pr.head.sha.clone(),
        items: added
            .into_iter()
            .map(|a| (submissions::section_path(&theirs, a.line), a))
            .collect(),
    }))
}

/// Checks the draft with the placed items: safe fixes applied to those items only, and
/// each finding in them as a line for its PR.
fn check_placed(ws: &Workspace, path: &Path, text: &str) -> (String, Vec<(u64, String)>) {
    let id = workspace::canonical(path);
    let archive = workspace::parse_files(&ws.issue_files()).unwrap_or_default();
    let history = ws.history(&archive);
    let findings = |t: &str| {
        let issue = Issue::from_text(super::shown(path), t);
        let diags = lint::check(&issue, &id, &ws.config, &history, RunOptions::default());
        (issue, diags)
    };
    let inside = |spans: &[(u64, twir::issue::Span)], at: usize| {
        spans.iter().find(|(_, s)| s.contains(at)).map(|(p, _)| *p)
    };
    let spans = submissions::placed_spans(text);
    let (_, diags) = findings(text);
    let edits: Vec<edit::Edit> = diags
        .iter()
        .filter_map(|d| d.fix.as_ref().filter(|f| f.safe))
        .flat_map(|f| f.edits.clone())
        .filter(|e| {
            inside(&spans, e.span.start).is_some()
                && inside(&spans, e.span.end.saturating_sub(1)).is_some()
        })
        .collect();
    let (fixed, _) = edit::apply(text, &edits);
    let spans = submissions::placed_spans(&fixed);
    let (issue, diags) = findings(&fixed);
    let report = diags
        .iter()
        .filter(|d| d.level >= Level::Warn)
        .filter_map(|d| {
            inside(&spans, d.span.start).map(|pr| (pr, human::render(&issue, d, false)))
        })
        .collect();
    (fixed, report)
}

/// `--merge`: one commit whose parents are HEAD and the head commit of every PR whose
/// marker the draft still holds; the draft is committed without the markers.
pub fn merge(ws: &Workspace, path: &Path, allow_dirty: bool) -> anyhow::Result<ExitCode> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let git = Git::of(path)?;
    let rel = git.relative(path)?;
    ensure_clean(&git, &rel, &text, allow_dirty)?;
    let mut heads: Vec<(u64, String)> = submissions::markers(&text)
        .into_iter()
        .map(|(pr, sha, _)| (pr, sha))
        .collect();
    heads.sort();
    heads.dedup();
    if heads.is_empty() {
        bail!("{rel} holds no placed submission (run `twir gather submissions` first)");
    }
    for (pr, sha) in &heads {
        if !git.has_commit(sha) {
            bail!(
                "#{pr}'s head commit {sha} is not in the repository; run `twir gather submissions` again to fetch it"
            );
        }
    }
    let clean = submissions::without_markers(&text);
    let head = git.run(&["rev-parse", "HEAD"], &[], None)?;
    let blob = git.run(
        &["hash-object", "-w", "--stdin", "--path", &rel],
        &[],
        Some(clean.as_bytes()),
    )?;
    let mode = git
        .run(&["ls-files", "-s", "--", &rel], &[], None)?
        .split_whitespace()
        .next()
        .unwrap_or("100644")
        .to_string();
    // The tree is made in an index of its own: the real one and the work tree stay.
    let index = std::env::temp_dir().join(format!("twir-merge-index-{}", std::process::id()));
    let env = [("GIT_INDEX_FILE", index.as_path())];
    let tree = (|| -> anyhow::Result<String> {
        git.run(&["read-tree", "HEAD"], &env, None)?;
        git.run(
            &[
                "update-index",
                "--add",
                "--cacheinfo",
                &format!("{mode},{blob},{rel}"),
            ],
            &env,
            None,
        )?;
        git.run(&["write-tree"], &env, None)
    })();
    let _ = std::fs::remove_file(&index);
    let tree = tree?;
    let list: Vec<String> = heads.iter().map(|(pr, _)| format!("#{pr}")).collect();
    let titles = read_titles(ws);
    let lines: String = heads
        .iter()
        .map(|(pr, _)| match titles.get(&pr.to_string()) {
            Some(t) => format!("* #{pr} {t}\n"),
            None => format!("* #{pr}\n"),
        })
        .collect();
    let message = format!(
        "Merge {} submission{} into {rel}\n\n{lines}\nMerged with twir gather submissions --merge.\n",
        heads.len(),
        if heads.len() == 1 { "" } else { "s" },
    );
    let mut args = vec!["commit-tree".to_string(), tree, "-p".into(), head.clone()];
    for (_, sha) in &heads {
        args.extend(["-p".to_string(), sha.clone()]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    // `commit-tree` reads the message from stdin when no -m/-F is given.
    let commit = git.run(&args, &[], Some(message.as_bytes()))?;
    git.run(
        &[
            "update-ref",
            "-m",
            "twir gather submissions --merge",
            "HEAD",
            &commit,
            &head,
        ],
        &[],
        None,
    )?;
    git.run(
        &[
            "update-index",
            "--cacheinfo",
            &format!("{mode},{blob},{rel}"),
        ],
        &[],
        None,
    )?;
    twir::fsutil::write_atomic(path, clean.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    writeln!(
        std::io::stdout(),
        "merged {} into {rel} as {}",
        list.join(", "),
        &commit[..commit.len().min(12)]
    )?;
    Ok(ExitCode::SUCCESS)
}
