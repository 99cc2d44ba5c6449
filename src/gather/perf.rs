//! The "Rust Compiler Performance Triage" section from a rustc-perf weekly triage report
//! (`triage/YYYY-MM-DD.md` in rust-lang/rustc-perf): the report's opening paragraphs, the
//! triager, the revision range, the counts, the number of comparisons and a link to the
//! full report — the head of the report, as TWIR's perf triager pastes it. Pure: text in,
//! Markdown out.

use std::fmt::Write as _;

/// What a report must hold for a section to be made from it.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum PerfError {
    #[error("the triage report has no `{0}` line")]
    Missing(&'static str),
}

/// The parts of a triage report the section is made of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// `2023-06-27`, from the `# 2023-06-27 Triage Log` title.
    pub date: Option<String>,
    /// The paragraphs between the title and the triager, as written.
    pub intro: String,
    /// `Triage done by **@simulacrum**.`
    pub triager: String,
    /// `Revision range: [a..b](url)`, the hashes shortened.
    pub revision: String,
    /// The `**Summary**:` table, if the report has one.
    pub summary: Option<String>,
    /// `5 Regressions, 6 Improvements, 3 Mixed; 5 of them in rollups`
    pub counts: String,
    /// `44 artifact comparisons made in total`
    pub comparisons: Option<String>,
}

/// Commit hashes in the revision range's link text are cut to this many characters, as
/// the section shows them (`[b9d608c9..b5e51db1](...)`).
const SHORT_HASH: usize = 8;

impl Report {
    pub fn parse(text: &str) -> Result<Report, PerfError> {
        let lines: Vec<&str> = text.lines().map(|l| l.trim_end()).collect();
        let date = lines.iter().find_map(|l| {
            let rest = l.strip_prefix("# ")?;
            let d = rest.split_whitespace().next()?;
            (d.len() == 10 && d.as_bytes()[4] == b'-').then(|| d.to_string())
        });
        let triager_at = lines
            .iter()
            .position(|l| l.starts_with("Triage done by"))
            .ok_or(PerfError::Missing("Triage done by"))?;
        let title_at = lines[..triager_at]
            .iter()
            .position(|l| l.starts_with("# "))
            .map_or(0, |i| i + 1);
        let intro = lines[title_at..triager_at].join("\n").trim().to_string();
        let revision = lines
            .iter()
            .find(|l| l.starts_with("Revision range:"))
            .map(|l| shorten_revision(l))
            .ok_or(PerfError::Missing("Revision range:"))?;
        let counts = lines
            .iter()
            .find(|l| is_counts(l))
            .ok_or(PerfError::Missing("N Regressions, N Improvements, N Mixed"))?
            .to_string();
        let comparisons = lines
            .iter()
            .find(|l| l.contains("artifact comparisons made in total"))
            .map(|l| l.to_string());
        let summary = lines
            .iter()
            .position(|l| l.starts_with("**Summary**"))
            .map(|at| {
                lines[at + 1..]
                    .iter()
                    .skip_while(|l| l.is_empty())
                    .take_while(|l| l.starts_with('|'))
                    .copied()
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .filter(|t| !t.is_empty());
        Ok(Report {
            date,
            intro,
            triager: lines[triager_at].to_string(),
            revision,
            summary,
            counts,
            comparisons,
        })
    }

    /// The section's Markdown, ending in a link to the full report at `full_report`.
    pub fn section(&self, full_report: &str, summary_table: bool) -> String {
        let mut out = String::new();
        if !self.intro.is_empty() {
            let _ = write!(out, "{}\n\n", self.intro);
        }
        let _ = write!(out, "{}\n{}\n\n", self.triager, self.revision);
        if let Some(table) = self.summary.as_ref().filter(|_| summary_table) {
            let _ = write!(out, "**Summary**:\n\n{table}\n\n");
        }
        let _ = writeln!(out, "{}", self.counts);
        if let Some(c) = &self.comparisons {
            let _ = writeln!(out, "{c}");
        }
        let _ = write!(out, "\n[Full report here]({full_report})\n");
        out
    }
}

/// `5 Regressions, 6 Improvements, 3 Mixed; 5 of them in rollups` (singular forms too).
fn is_counts(line: &str) -> bool {
    let l = line.trim();
    l.starts_with(|c: char| c.is_ascii_digit())
        && l.contains("Regression")
        && l.contains("Improvement")
        && l.contains("Mixed")
}

/// `Revision range: [full..full](url)` with the link text's hashes cut short.
fn shorten_revision(line: &str) -> String {
    let Some((text, rest)) = line.split_once('[').and_then(|(_, r)| r.split_once("](")) else {
        return line.to_string();
    };
    let short = text
        .split("..")
        .map(|h| h.get(..SHORT_HASH).unwrap_or(h))
        .collect::<Vec<_>>()
        .join("..");
    format!("Revision range: [{short}]({rest}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "# 2023-06-27 Triage Log\n\nRelatively quiet week outside of a large win.\nBimodality continues.\n\n\
Triage done by **@simulacrum**.\n\
Revision range: [b9d608c979ad3c0700f9f0237a8c12feb0ba44fb..b5e51db16dfbf5685e32dfe2d9a835a5c695afe4](https://perf.rust-lang.org/?start=b9d6&end=b5e5)\n\n\
**Summary**:\n\n| (instructions:u) | mean | range | count |\n|:-:|:-:|:-:|:-:|\n| All | 0.9% | [-3.7%, 3.7%] | 189 |\n\n\n\
5 Regressions, 6 Improvements, 3 Mixed; 5 of them in rollups\n44 artifact comparisons made in total\n\n#### Regressions\n\nproof tree nits\n";

    #[test]
    fn section_from_report() {
        let r = Report::parse(REPORT).unwrap();
        assert_eq!(r.date.as_deref(), Some("2023-06-27"));
        let s = r.section(
            "https://github.com/rust-lang/rustc-perf/blob/master/triage/2023-06-27.md",
            false,
        );
        assert_eq!(
            s,
            "Relatively quiet week outside of a large win.\nBimodality continues.\n\n\
Triage done by **@simulacrum**.\n\
Revision range: [b9d608c9..b5e51db1](https://perf.rust-lang.org/?start=b9d6&end=b5e5)\n\n\
5 Regressions, 6 Improvements, 3 Mixed; 5 of them in rollups\n44 artifact comparisons made in total\n\n\
[Full report here](https://github.com/rust-lang/rustc-perf/blob/master/triage/2023-06-27.md)\n"
        );
        let with_table = r.section("u", true);
        assert!(
            with_table.contains("**Summary**:\n\n| (instructions:u)"),
            "{with_table}"
        );
        assert!(!with_table.contains("proof tree"));
    }

    #[test]
    fn missing_parts_are_named() {
        assert_eq!(
            Report::parse("# 2023-01-01 Triage Log\n\nNothing.\n"),
            Err(PerfError::Missing("Triage done by"))
        );
    }
}
