//! Putting a gathered section into a draft: the body of one section — from after its
//! heading line up to the next heading at or above a given level, so the `####` groups a
//! gathered body brings are replaced with it on the next run — is replaced; every other
//! byte of the draft stays as it was.

use crate::issue::Issue;

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum SpliceError {
    #[error("the draft has no `{0}` section")]
    NoSection(String),
}

/// Where a gathered body ends: at the next heading of this level or higher (`###` for
/// 3), or at a heading with this title (`#### New and Updated RFCs` ends the Final
/// Comment Period's body).
#[derive(Clone, Copy, Debug)]
pub struct Stop {
    pub level: u8,
    pub title: Option<&'static str>,
}

/// A heading's title, links reduced to their text (`[Approved RFCs](...)`).
fn plain(title: &str) -> &str {
    let t = title.trim();
    t.strip_prefix('[')
        .and_then(|r| r.split_once("]("))
        .map_or(t, |(inner, _)| inner)
}

/// The section titled `title` (links in the title reduced to their text).
fn section<'a>(issue: &'a Issue, title: &str) -> Result<&'a crate::issue::Section, SpliceError> {
    issue
        .sections
        .iter()
        .find(|s| plain(&s.title).eq_ignore_ascii_case(title))
        .ok_or_else(|| SpliceError::NoSection(title.to_string()))
}

/// `issue`'s text with the body of the section titled `title` replaced by `body`: the
/// bytes after its heading line up to where `stop` says.
pub fn replace_body(
    issue: &Issue,
    title: &str,
    body: &str,
    stop: Stop,
) -> Result<String, SpliceError> {
    let own = section(issue, title)?.own;
    let text = &issue.text;
    let end = issue
        .headings
        .iter()
        .filter(|h| {
            h.span.start >= own.start
                && (h.level <= stop.level
                    || stop
                        .title
                        .is_some_and(|t| plain(&h.title).eq_ignore_ascii_case(t)))
        })
        .map(|h| h.span.start)
        .min()
        .unwrap_or(text.len());
    let own = crate::issue::Span::new(own.start, end);
    let at_end = own.end == text.len();
    let mut new = String::with_capacity(text.len() + body.len());
    new.push_str(&text[..own.start]);
    new.push('\n');
    new.push_str(body.trim_end());
    new.push('\n');
    if !at_end {
        new.push('\n');
    }
    new.push_str(&text[own.end..]);
    Ok(new)
}

/// `issue`'s text with `block` (an HTML comment opening with `<!-- {marker}`) in the
/// section titled `title`: in place of the block a previous run left there, else right
/// after the heading line. Every other byte stays as it was.
pub fn put_block(
    issue: &Issue,
    title: &str,
    marker: &str,
    block: &str,
) -> Result<String, SpliceError> {
    let section = section(issue, title)?;
    let text = &issue.text;
    let own = &text[section.own.start..section.own.end];
    let open = format!("<!-- {marker}");
    let mut new = String::with_capacity(text.len() + block.len() + 2);
    match own.find(&open) {
        Some(at) => {
            let start = section.own.start + at;
            let end = text[start..]
                .find("-->")
                .map_or(section.own.end, |e| start + e + 3);
            new.push_str(&text[..start]);
            new.push_str(block);
            new.push_str(&text[end..]);
        }
        None => {
            new.push_str(&text[..section.own.start]);
            new.push('\n');
            new.push_str(block);
            new.push('\n');
            new.push_str(&text[section.own.start..]);
        }
    }
    Ok(new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_goes_after_the_heading_then_replaces_itself() {
        let text = "Title: T\n\n## Crate of the Week\n\n<!-- COTW goes here -->\n\n[Please submit][s]!\n\n## Next\n";
        let issue = Issue::from_text("d.md", text);
        let once = put_block(
            &issue,
            "Crate of the Week",
            "twir gather cotw",
            "<!-- twir gather cotw: 1\nx -->",
        )
        .unwrap();
        assert_eq!(
            once,
            text.replace(
                "## Crate of the Week\n",
                "## Crate of the Week\n\n<!-- twir gather cotw: 1\nx -->\n"
            )
        );
        let issue = Issue::from_text("d.md", &once);
        let twice = put_block(
            &issue,
            "Crate of the Week",
            "twir gather cotw",
            "<!-- twir gather cotw: 2 -->",
        )
        .unwrap();
        assert_eq!(
            twice,
            once.replace(
                "<!-- twir gather cotw: 1\nx -->",
                "<!-- twir gather cotw: 2 -->"
            )
        );
        assert!(put_block(&issue, "Quote of the Week", "m", "b").is_err());
    }

    const THREE: Stop = Stop {
        level: 3,
        title: None,
    };

    const TEXT: &str = "Title: T\nDate: 2025-10-22\n\n## Updates from the Rust Project\n\n\
<!-- Rust updates go here -->\n\n### Rust Compiler Performance Triage\n\n\
<!-- Perf results go here -->\n\n### [Approved RFCs](https://x)\n\nMine.\n";

    #[test]
    fn replaces_only_the_body() {
        let issue = Issue::from_text("d.md", TEXT);
        let once =
            replace_body(&issue, "Rust Compiler Performance Triage", "Perf!", THREE).unwrap();
        assert_eq!(once, TEXT.replace("<!-- Perf results go here -->", "Perf!"));
        let issue = Issue::from_text("d.md", &once);
        let twice = replace_body(
            &issue,
            "Updates from the Rust Project",
            "12 PRs\n\n#### Compiler\n\n* [a](b)",
            THREE,
        )
        .unwrap();
        assert!(
            twice.contains(
                "## Updates from the Rust Project\n\n12 PRs\n\n#### Compiler\n\n* [a](b)\n\n### Rust Compiler"
            ),
            "{twice}"
        );
        assert!(twice.ends_with("### [Approved RFCs](https://x)\n\nMine.\n"));
        // Again: the `####` group of the first run is replaced, not kept beside the new one.
        let issue = Issue::from_text("d.md", &twice);
        let thrice = replace_body(
            &issue,
            "Updates from the Rust Project",
            "13 PRs\n\n#### Compiler\n\n* [c](d)",
            THREE,
        )
        .unwrap();
        assert_eq!(thrice.matches("#### Compiler").count(), 1, "{thrice}");
        assert!(!thrice.contains("[a](b)"));
        let approved = replace_body(
            &issue,
            "Approved RFCs",
            "* *No RFCs were approved this week.*",
            THREE,
        )
        .unwrap();
        assert!(
            approved.ends_with("(https://x)\n\n* *No RFCs were approved this week.*\n"),
            "{approved}"
        );
        // A title also ends a body: FCP stops at its `#### New and Updated RFCs`.
        let text = "## Final Comment Period\n\nold\n\n#### Tracking Issues & PRs\n\nold\n\n\
#### [New and Updated RFCs](https://x)\n\n* *None.*\n";
        let issue2 = Issue::from_text("d.md", text);
        let stop = Stop {
            level: 3,
            title: Some("New and Updated RFCs"),
        };
        let fcp = replace_body(&issue2, "Final Comment Period", "new", stop).unwrap();
        assert_eq!(
            fcp,
            "## Final Comment Period\n\nnew\n\n#### [New and Updated RFCs](https://x)\n\n* *None.*\n"
        );
        assert_eq!(
            replace_body(&issue, "Nope", "x", THREE),
            Err(SpliceError::NoSection("Nope".into()))
        );
    }
}
