//! `twir gather submissions` and `--merge` in a temporary git repository, against a
//! GitHub stand-in that serves six pull requests made as real commits: one good, one
//! whose CI failed, one editing two files, one removing a line, one already merged, one
//! adding to a section the draft has moved since.

use crate::standin::{Reply, StandIn};
use crate::support::*;
use serde_json::json;
use std::path::Path;

const DRAFT: &str = "draft/2024-01-17-this-week-in-rust.md";

const BASE: &str = "Title: This Week in Rust 2\nNumber: 2\nDate: 2024-01-17\nCategory: This Week in Rust\n\n\
## Updates from Rust Community\n\n### Official\n\n* [Official post](https://blog.rust-lang.org/2024/01/15/post.html)\n\n\
### Project/Tooling Updates\n\n* [Tool 1.0](https://example.org/tool)\n\n\
### Research\n\n* [Paper](https://example.org/paper)\n\n## Jobs\n\nJobs text.\n";

fn git(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .envs(IDENTITY)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// Who commits, in git and in twir's merge.
const IDENTITY: [(&str, &str); 4] = [
    ("GIT_AUTHOR_NAME", "Editor"),
    ("GIT_AUTHOR_EMAIL", "editor@example.org"),
    ("GIT_COMMITTER_NAME", "Editor"),
    ("GIT_COMMITTER_EMAIL", "editor@example.org"),
];

/// A commit on a branch from `base` with the draft as `draft` (and more files).
fn pr_commit(repo: &Path, base: &str, name: &str, draft: &str, more: &[(&str, &str)]) -> String {
    git(repo, &["checkout", "-q", "-b", name, base]);
    std::fs::write(repo.join(DRAFT), draft).unwrap();
    for (file, text) in more {
        std::fs::write(repo.join(file), text).unwrap();
    }
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "-m", name]);
    let sha = git(repo, &["rev-parse", "HEAD"]);
    git(repo, &["checkout", "-q", "main"]);
    sha
}

struct Pr {
    number: u64,
    sha: String,
    ci_failed: bool,
}

#[test]
fn six_pull_requests_placed_checked_and_merged() {
    let repo = empty_root("submissions");
    std::fs::write(repo.join(DRAFT), BASE).unwrap();
    std::fs::write(repo.join("README.md"), "readme\n").unwrap();
    git(&repo, &["init", "-q", "-b", "main"]);
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "draft"]);
    let a = git(&repo, &["rev-parse", "HEAD"]);

    let add = |after: &str, line: &str| BASE.replace(after, &format!("{after}{line}\n"));
    let prs = vec![
        Pr {
            number: 101,
            sha: pr_commit(
                &repo,
                &a,
                "good",
                &add(
                    "* [Tool 1.0](https://example.org/tool)\n",
                    "* [Tool 2.0 is out](https://example.org/tool2?utm_source=twitter)",
                ),
                &[],
            ),
            ci_failed: false,
        },
        Pr {
            number: 102,
            sha: pr_commit(
                &repo,
                &a,
                "red",
                &add("post.html)\n", "* [Red](https://example.org/red)"),
                &[],
            ),
            ci_failed: true,
        },
        Pr {
            number: 103,
            sha: pr_commit(
                &repo,
                &a,
                "two-files",
                &add("post.html)\n", "* [Two](https://example.org/two)"),
                &[("README.md", "readme, changed\n")],
            ),
            ci_failed: false,
        },
        Pr {
            number: 104,
            sha: pr_commit(
                &repo,
                &a,
                "removes",
                &BASE.replace(
                    "* [Paper](https://example.org/paper)\n",
                    "* [Better paper](https://example.org/paper2)\n",
                ),
                &[],
            ),
            ci_failed: false,
        },
        Pr {
            number: 105,
            sha: pr_commit(
                &repo,
                &a,
                "merged",
                &add(
                    "* [Paper](https://example.org/paper)\n",
                    "* [Merged before](https://example.org/merged)",
                ),
                &[],
            ),
            ci_failed: false,
        },
        Pr {
            number: 106,
            sha: pr_commit(
                &repo,
                &a,
                "research",
                &add(
                    "* [Paper](https://example.org/paper)\n",
                    "* [A research note](https://example.org/note)",
                ),
                &[],
            ),
            ci_failed: false,
        },
    ];
    // Since then, main merged #105's link by hand and moved Research to the top.
    let moved = BASE
        .replace("### Research\n\n* [Paper](https://example.org/paper)\n\n", "")
        .replace(
            "## Updates from Rust Community\n\n",
            "## Updates from Rust Community\n\n### Research\n\n* [Paper](https://example.org/paper)\n* [Merged before](https://example.org/merged)\n\n",
        );
    std::fs::write(repo.join(DRAFT), &moved).unwrap();
    git(&repo, &["commit", "-q", "-am", "move research"]);
    let b = git(&repo, &["rev-parse", "HEAD"]);

    // What the stand-in serves: each PR's files with GitHub's patch text, its file at the
    // head commit, its checks.
    let shown = |sha: &str, file: &str| git(&repo, &["show", &format!("{sha}:{file}")]) + "\n";
    let mut pulls = Vec::new();
    let mut routes: Vec<(String, Reply)> = Vec::new();
    let stand_in_base = std::sync::Arc::new(std::sync::OnceLock::<String>::new());
    for pr in &prs {
        let files: Vec<serde_json::Value> = git(&repo, &["diff", "--name-only", &a, &pr.sha])
            .lines()
            .map(|file| {
                let diff = git(&repo, &["diff", &a, &pr.sha, "--", file]);
                let patch = &diff[diff.find("@@").unwrap()..];
                json!({
                    "filename": file,
                    "status": "modified",
                    "patch": patch,
                    "raw_url": format!("{{BASE}}/raw/{}/{file}", pr.sha),
                })
            })
            .collect();
        routes.push((
            format!(
                "/repos/rust-lang/this-week-in-rust/pulls/{}/files",
                pr.number
            ),
            Reply::json(json!(files)),
        ));
        routes.push((
            format!("/raw/{}/{DRAFT}", pr.sha),
            Reply::status(200, &shown(&pr.sha, DRAFT)),
        ));
        let conclusion = if pr.ci_failed { "failure" } else { "success" };
        routes.push((
            format!("/repos/rust-lang/this-week-in-rust/commits/{}/check-runs", pr.sha),
            Reply::json(json!({"total_count": 1, "check_runs": [{"name": "build", "status": "completed", "conclusion": conclusion}]})),
        ));
        // No commit statuses: GitHub then says "pending" with an empty list.
        routes.push((
            format!(
                "/repos/rust-lang/this-week-in-rust/commits/{}/status",
                pr.sha
            ),
            Reply::json(json!({"state": "pending", "statuses": [], "total_count": 0})),
        ));
        pulls.push(json!({
            "number": pr.number,
            "title": format!("Add link {}", pr.number),
            "html_url": format!("https://github.com/rust-lang/this-week-in-rust/pull/{}", pr.number),
            "draft": false,
            "user": {"login": format!("author{}", pr.number), "type": "User"},
            "head": {"sha": pr.sha, "ref": "patch-1"},
        }));
    }
    routes.push((
        "/repos/rust-lang/this-week-in-rust/pulls".into(),
        Reply::json(json!(pulls)),
    ));
    let bases = std::sync::Arc::clone(&stand_in_base);
    let api = StandIn::start(move |seen, _| {
        let base = bases.get().cloned().unwrap_or_default();
        match routes.iter().find(|(p, _)| *p == seen.path) {
            Some((_, r)) => Reply {
                status: r.status,
                headers: r.headers.clone(),
                body: r.body.replace("{BASE}", &base),
            },
            None => Reply::status(404, r#"{"message":"Not Found"}"#),
        }
    });
    stand_in_base.set(api.base.clone()).unwrap();

    let cache = repo.join("../submissions-cache");
    let twir_in = |args: &[&str]| {
        let mut env: Vec<(&str, &dyn AsRef<std::ffi::OsStr>)> =
            vec![("TWIR_GITHUB_API", &api.base), ("TWIR_CACHE_DIR", &cache)];
        for (k, v) in IDENTITY.iter() {
            env.push((k, v));
        }
        twir_env(args, &repo, &env)
    };

    let dry = twir_in(&["gather", "submissions", "--dry-run"]);
    succeeds(&dry);
    assert_eq!(read(&repo.join(DRAFT)), moved, "--dry-run writes nothing");

    let out = twir_in(&["gather", "submissions"]);
    succeeds(&out);
    let report = stdout(&out);
    for line in [
        "placed #101 Add link 101",
        "placed #106 Add link 106",
        "skipped #102 Add link 102: CI failed: build",
        "skipped #103 Add link 103: changes 2 files: README.md, draft/2024-01-17-this-week-in-rust.md",
        "skipped #104 Add link 104: removes or changes lines of the draft",
        "skipped #105 Add link 105: already in the draft",
    ] {
        assert!(report.contains(line), "{line:?} in\n{report}");
    }
    let placed = read(&repo.join(DRAFT));
    let m = |pr: &Pr| format!("<!-- twir submission #{} {} -->", pr.number, pr.sha);
    // The tracking parameters of #101 were a safe fix, applied to its item only.
    let want = moved
        .replace(
            "* [Tool 1.0](https://example.org/tool)\n",
            &format!("* [Tool 1.0](https://example.org/tool)\n* [Tool 2.0 is out](https://example.org/tool2) {}\n", m(&prs[0])),
        )
        .replace(
            "* [Merged before](https://example.org/merged)\n",
            &format!("* [Merged before](https://example.org/merged)\n* [A research note](https://example.org/note) {}\n", m(&prs[5])),
        );
    assert_eq!(placed, want);

    // Again on the same draft: nothing more.
    let again = twir_in(&["gather", "submissions"]);
    succeeds(&again);
    assert_eq!(read(&repo.join(DRAFT)), placed);
    assert!(stdout(&again).contains("skipped #101 Add link 101: already in the draft"));

    // The editor drops #101 and moves #106 to the end of Research's list; other work in
    // the tree is never touched by the merge.
    let edited = placed.replace(
        &format!(
            "* [Tool 2.0 is out](https://example.org/tool2) {}\n",
            m(&prs[0])
        ),
        "",
    );
    std::fs::write(repo.join(DRAFT), &edited).unwrap();
    std::fs::write(repo.join("README.md"), "readme, being edited\n").unwrap();
    std::fs::write(repo.join("notes.txt"), "untracked\n").unwrap();
    let merged = twir_in(&["gather", "submissions", "--merge"]);
    succeeds(&merged);
    assert!(
        stdout(&merged).contains("merged #106 into"),
        "{}",
        stdout(&merged)
    );
    let parents = git(&repo, &["log", "-1", "--format=%P"]);
    assert_eq!(
        parents,
        format!("{b} {}", prs[5].sha),
        "HEAD and the PR still in the draft"
    );
    let committed = git(&repo, &["show", &format!("HEAD:{DRAFT}")]) + "\n";
    let clean = edited.replace(&format!(" {}", m(&prs[5])), "");
    assert_eq!(committed, clean, "the edited draft without markers");
    assert_eq!(read(&repo.join(DRAFT)), clean);
    assert_eq!(read(&repo.join("README.md")), "readme, being edited\n");
    assert_eq!(read(&repo.join("notes.txt")), "untracked\n");
    let status = git(&repo, &["status", "--porcelain"]);
    assert_eq!(status, "M README.md\n?? notes.txt", "{status}");
    let message = git(&repo, &["log", "-1", "--format=%B"]);
    assert!(
        message.starts_with(&format!(
            "Merge 1 submission into {DRAFT}\n\n* #106 Add link 106 (@author106)"
        )),
        "{message}"
    );
}

#[test]
fn a_dirty_draft_is_refused() {
    let repo = empty_root("submissions-dirty");
    std::fs::write(repo.join(DRAFT), BASE).unwrap();
    git(&repo, &["init", "-q", "-b", "main"]);
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "draft"]);
    std::fs::write(
        repo.join(DRAFT),
        BASE.replace("Jobs text.", "Jobs text, edited."),
    )
    .unwrap();
    let out = twir(&["gather", "submissions"], &repo);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--allow-dirty"), "{}", stderr(&out));
    let merge = twir(
        &["gather", "submissions", "--merge", "--allow-dirty"],
        &repo,
    );
    assert!(
        stderr(&merge).contains("holds no placed submission"),
        "{}",
        stderr(&merge)
    );
}
