//! Community submissions: the open pull requests of the newsletter's repository that add
//! list items to the current draft, judged (one file, the draft; only added list items;
//! CI passed; not a draft PR; not already in the draft), and their items placed in the
//! local draft under the section they were added to, each with a marker comment naming
//! its PR and head commit so `--merge` knows which PRs the edited draft still holds.
//!
//! Reading the API is in [`fetch`]; everything else here is pure.

use crate::issue::{Issue, Span};
use serde::Deserialize;

/// An open pull request as the REST API lists it (the fields twir reads).
#[derive(Clone, Debug, Deserialize)]
pub struct Pull {
    pub number: u64,
    pub title: String,
    pub html_url: String,
    #[serde(default)]
    pub draft: bool,
    pub user: crate::gather::github::User,
    pub head: Head,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Head {
    pub sha: String,
}

/// One file a pull request changes.
#[derive(Clone, Debug, Deserialize)]
pub struct FileChange {
    pub filename: String,
    #[serde(default)]
    pub status: String,
    /// The unified diff; absent for binary or huge files.
    #[serde(default)]
    pub patch: Option<String>,
    #[serde(default)]
    pub raw_url: Option<String>,
}

/// The head commit's checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ci {
    Passed,
    Pending(Vec<String>),
    Failed(Vec<String>),
}

/// An item a pull request adds: its lines, and where the first stands in the PR's file
/// (1-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Added {
    pub lines: Vec<String>,
    pub line: usize,
}

/// The items a patch adds; an error says why the patch is not a plain submission.
pub fn added_items(patch: &str) -> Result<Vec<Added>, String> {
    let mut items: Vec<Added> = Vec::new();
    let mut new_line = 0;
    // Whether the last added line belongs to an item still open (for nested lines).
    let mut open = false;
    for line in patch.lines() {
        if let Some(header) = line.strip_prefix("@@") {
            // `@@ -a,b +c,d @@`: the new file's lines start at c.
            new_line = header
                .split_whitespace()
                .find_map(|w| w.strip_prefix('+'))
                .and_then(|c| c.split(',').next()?.parse().ok())
                .ok_or_else(|| format!("a hunk header twir cannot read: `@@{header}`"))?;
            open = false;
            continue;
        }
        if line.starts_with('\\') {
            continue; // "\ No newline at end of file"
        }
        match line.chars().next() {
            Some('+') => {
                let text = &line[1..];
                let trimmed = text.trim_start();
                let indent = text.len() - trimmed.len();
                let is_item = trimmed.starts_with("* ") || trimmed.starts_with("- ");
                if trimmed.is_empty() {
                    open = false;
                } else if is_item && (indent == 0 || !open) {
                    items.push(Added {
                        lines: vec![text.to_string()],
                        line: new_line,
                    });
                    open = true;
                } else if open && indent > 0 {
                    if let Some(last) = items.last_mut() {
                        last.lines.push(text.to_string());
                    }
                } else {
                    return Err(format!("adds a line that is not a list item: `{text}`"));
                }
                new_line += 1;
            }
            Some('-') => return Err("removes or changes lines of the draft".into()),
            _ => {
                new_line += 1;
                open = false;
            }
        }
    }
    if items.is_empty() {
        return Err("adds no list item".into());
    }
    Ok(items)
}

/// The titles of the sections holding line `line` (1-based) of `text`, outermost first.
pub fn section_path(text: &str, line: usize) -> Vec<String> {
    let issue = Issue::from_text("pr.md", text);
    let offset = issue.lines.line_start(line.max(1));
    let mut at = issue
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.span.contains(offset))
        .max_by_key(|(_, s)| s.level)
        .map(|(i, _)| i);
    let mut path = Vec::new();
    while let Some(i) = at {
        path.push(issue.sections[i].title.trim().to_string());
        at = issue.sections[i].parent;
    }
    path.reverse();
    path
}

/// The section of `issue` a path names: its innermost title, with the most of its outer
/// titles matching (sections move; their names stay).
fn find_section(issue: &Issue, path: &[String]) -> Option<usize> {
    let last = path.last()?;
    let titles = |mut at: Option<usize>| {
        let mut out = Vec::new();
        while let Some(i) = at {
            out.push(issue.sections[i].title.trim().to_lowercase());
            at = issue.sections[i].parent;
        }
        out
    };
    issue
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.title.trim().eq_ignore_ascii_case(last))
        .max_by_key(|(i, _)| {
            let outer = titles(Some(*i));
            path.iter()
                .filter(|p| outer.contains(&p.to_lowercase()))
                .count()
        })
        .map(|(i, _)| i)
}

/// The comment that follows a placed item's first line.
pub fn marker(pr: u64, sha: &str) -> String {
    format!("<!-- twir submission #{pr} {sha} -->")
}

/// The markers in `text`: (PR, head commit, the marker's bytes with the space before it).
pub fn markers(text: &str) -> Vec<(u64, String, Span)> {
    let open = " <!-- twir submission #";
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find(open) {
        let start = from + at;
        let Some(len) = text[start..].find("-->") else {
            break;
        };
        let end = start + len + 3;
        let inside = &text[start + open.len()..end - 3];
        let mut words = inside.split_whitespace();
        if let (Some(Ok(pr)), Some(sha)) = (words.next().map(str::parse::<u64>), words.next()) {
            out.push((pr, sha.to_string(), Span::new(start, end)));
        }
        from = end;
    }
    out
}

/// `text` without its markers.
pub fn without_markers(text: &str) -> String {
    let mut out = text.to_string();
    for (_, _, span) in markers(text).into_iter().rev() {
        out.replace_range(span.start..span.end, "");
    }
    out
}

/// `text` without the lines twir placed (the first line of each marked item and the
/// nested lines under it): what the draft was before `gather submissions`.
pub fn without_placed(text: &str) -> String {
    let mut out = String::new();
    let mut skipping_nested = false;
    for line in text.split_inclusive('\n') {
        let nested = line.starts_with(' ') && !line.trim().is_empty();
        if !markers(line).is_empty() {
            skipping_nested = true;
            continue;
        }
        if skipping_nested && nested {
            continue;
        }
        skipping_nested = false;
        out.push_str(line);
    }
    out
}

/// One PR's items, to place.
#[derive(Clone, Debug)]
pub struct Submission {
    pub pr: u64,
    pub sha: String,
    pub items: Vec<(Vec<String>, Added)>,
}

/// `draft` with every submission's items at the end of the section each was added to, a
/// marker on each item's first line; and the PRs whose section the draft does not have,
/// with that section.
pub fn place(draft: &str, subs: &[Submission]) -> (String, Vec<(u64, String)>) {
    let mut text = draft.to_string();
    let mut missing = Vec::new();
    for sub in subs {
        for (path, added) in &sub.items {
            let issue = Issue::from_text("draft.md", &text);
            let Some(s) = find_section(&issue, path) else {
                missing.push((sub.pr, path.join(" › ")));
                continue;
            };
            let own = issue.sections[s].own;
            let last_item_end = issue
                .items
                .iter()
                .filter(|i| own.contains(i.span.start))
                .map(|i| i.span.end)
                .max();
            let mut block = String::new();
            for (k, line) in added.lines.iter().enumerate() {
                block.push_str(line);
                if k == 0 {
                    block.push(' ');
                    block.push_str(&marker(sub.pr, &sub.sha));
                }
                block.push('\n');
            }
            let at = match last_item_end {
                // After the line the last item ends on.
                Some(end) => text[end..].find('\n').map_or(text.len(), |n| end + n + 1),
                None => {
                    block = format!("\n{block}");
                    own.start
                }
            };
            if at == text.len() && !text.ends_with('\n') {
                text.push('\n');
            }
            let at = at.min(text.len());
            text.insert_str(at, &block);
        }
    }
    (text, missing)
}

/// The bytes of each placed item (its lines) in `text`, by PR.
pub fn placed_spans(text: &str) -> Vec<(u64, Span)> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut current: Option<(u64, usize)> = None;
    for line in text.split_inclusive('\n') {
        let end = offset + line.len();
        let nested = line.starts_with(' ') && !line.trim().is_empty();
        if let Some((pr, _, _)) = markers(line).first() {
            if let Some((p, start)) = current.take() {
                out.push((p, Span::new(start, offset)));
            }
            current = Some((*pr, offset));
        } else if !(nested && current.is_some())
            && let Some((p, start)) = current.take()
        {
            out.push((p, Span::new(start, offset)));
        }
        offset = end;
    }
    if let Some((p, start)) = current {
        out.push((p, Span::new(start, offset)));
    }
    out
}

/// Whether an item's link is in `draft` already (merged before, or placed by a run and
/// perhaps fixed since), compared as links are (no tracking parameters, `www.` ...).
pub fn already_in(draft: &str, lines: &[String]) -> bool {
    let first = lines.first().map(|l| l.trim()).unwrap_or_default();
    let item = Issue::from_text("item.md", first);
    let Some(link) = item
        .links
        .iter()
        .find(|l| crate::lint::util::is_web(&l.dest))
    else {
        return draft.lines().any(|l| l.trim() == first);
    };
    let want = crate::url::normalise(&link.dest);
    Issue::from_text("draft.md", draft)
        .links
        .iter()
        .any(|l| crate::url::normalise(&l.dest) == want)
}

/// Calls to the REST API.
pub mod fetch {
    use super::{Ci, FileChange, Pull};
    use crate::http::{Client, HttpError};
    use serde::Deserialize;

    /// The repository's open pull requests.
    pub fn open_pulls(client: &Client, repo: &str) -> Result<Vec<Pull>, HttpError> {
        let mut out = Vec::new();
        for page in client.get_pages(&format!("repos/{repo}/pulls?state=open&per_page=100"))? {
            out.extend(page.json::<Vec<Pull>>()?);
        }
        Ok(out)
    }

    /// The files pull request `n` changes.
    pub fn files(client: &Client, repo: &str, n: u64) -> Result<Vec<FileChange>, HttpError> {
        let mut out = Vec::new();
        for page in client.get_pages(&format!("repos/{repo}/pulls/{n}/files?per_page=100"))? {
            out.extend(page.json::<Vec<FileChange>>()?);
        }
        Ok(out)
    }

    #[derive(Deserialize)]
    struct CheckRuns {
        check_runs: Vec<CheckRun>,
    }

    #[derive(Deserialize)]
    struct CheckRun {
        name: String,
        status: String,
        conclusion: Option<String>,
    }

    #[derive(Deserialize)]
    struct Combined {
        #[serde(default)]
        statuses: Vec<Status>,
    }

    #[derive(Deserialize)]
    struct Status {
        context: String,
        state: String,
    }

    /// The checks and statuses of commit `sha`: passed when every one finished well
    /// (none at all counts as passed: the repository runs no CI on it).
    pub fn ci(client: &Client, repo: &str, sha: &str) -> Result<Ci, HttpError> {
        let runs: CheckRuns = client
            .get(&format!(
                "repos/{repo}/commits/{sha}/check-runs?per_page=100"
            ))?
            .json()?;
        let combined: Combined = client
            .get(&format!("repos/{repo}/commits/{sha}/status"))?
            .json()?;
        let mut failed = Vec::new();
        let mut pending = Vec::new();
        for r in &runs.check_runs {
            match (r.status.as_str(), r.conclusion.as_deref()) {
                ("completed", Some("success" | "neutral" | "skipped")) => {}
                ("completed", _) => failed.push(r.name.clone()),
                _ => pending.push(r.name.clone()),
            }
        }
        for s in &combined.statuses {
            match s.state.as_str() {
                "success" => {}
                "pending" => pending.push(s.context.clone()),
                _ => failed.push(s.context.clone()),
            }
        }
        Ok(if !failed.is_empty() {
            Ci::Failed(failed)
        } else if !pending.is_empty() {
            Ci::Pending(pending)
        } else {
            Ci::Passed
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patches_that_only_add_items() {
        let patch = "@@ -10,6 +10,9 @@ Title\n ### Official\n \n * [a](https://a)\n+* [b](https://b)\n+* 2024-01-17 | Virtual | [G](https://g)\n+    * [**Talk**](https://t)\n \n ### Foundation\n";
        let items = added_items(patch).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(
            items[0],
            Added {
                lines: vec!["* [b](https://b)".into()],
                line: 13
            }
        );
        assert_eq!(
            items[1].lines.len(),
            2,
            "the nested line goes with its item"
        );
        assert!(
            added_items("@@ -1,2 +1,2 @@\n-* [a](x)\n+* [b](x)\n")
                .unwrap_err()
                .contains("removes")
        );
        assert!(
            added_items("@@ -1,1 +1,2 @@\n a\n+Some prose.\n")
                .unwrap_err()
                .contains("not a list item")
        );
    }

    #[test]
    fn items_go_to_their_section_wherever_it_moved() {
        let pr_file = "Title: T\n\n## Updates\n\n### Official\n\n* [a](https://a)\n\n### Research\n\n* [new](https://new)\n";
        let path = section_path(pr_file, 11);
        assert_eq!(path, ["Updates", "Research"]);
        // In the draft, Research now comes first.
        let draft = "Title: T\n\n## Updates\n\n### Research\n\n* [r](https://r)\n\n### Official\n\n* [a](https://a)\n";
        let sub = Submission {
            pr: 7,
            sha: "abc".into(),
            items: vec![(
                path,
                Added {
                    lines: vec!["* [new](https://new)".into()],
                    line: 11,
                },
            )],
        };
        let (text, missing) = place(draft, &[sub]);
        let spans = placed_spans(&text);
        assert!(missing.is_empty());
        assert_eq!(
            text,
            draft.replace(
                "* [r](https://r)\n",
                "* [r](https://r)\n* [new](https://new) <!-- twir submission #7 abc -->\n"
            )
        );
        assert_eq!(spans.len(), 1);
        assert_eq!(
            &text[spans[0].1.start..spans[0].1.end],
            "* [new](https://new) <!-- twir submission #7 abc -->\n"
        );
        assert_eq!(markers(&text)[0].0, 7);
        assert_eq!(
            without_markers(&text),
            draft.replace(
                "* [r](https://r)\n",
                "* [r](https://r)\n* [new](https://new)\n"
            )
        );
        assert_eq!(without_placed(&text), draft);
        assert!(already_in(&text, &["* [again](https://new)".into()]));
    }
}
