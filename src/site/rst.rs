//! A small subset of reStructuredText, enough for the archive's one `.rst` article: the
//! title, `:field:` metadata, section underlines, inline literals, named and embedded
//! hyperlinks, bullet lists and literal blocks. It is turned into Markdown and rendered
//! like every other issue; the build warns that the subset was used.

/// The document as Markdown with a Pelican header, so the Markdown path renders it.
pub fn to_markdown(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut header: Vec<String> = Vec::new();
    let mut body: Vec<String> = Vec::new();
    let mut levels: Vec<char> = Vec::new();
    let mut i = 0;
    // Inside a literal block: the indent of its first line, once seen.
    let mut literal: Option<Option<usize>> = None;
    while i < lines.len() {
        let line = lines[i];
        let next = lines.get(i + 1).copied().unwrap_or("");
        if let Some(indent) = &mut literal {
            if line.trim().is_empty() {
                body.push(String::new());
                i += 1;
                continue;
            }
            if line.starts_with([' ', '\t']) {
                let n = *indent.get_or_insert(line.len() - line.trim_start().len());
                let cut = line.len() - line.trim_start().len();
                body.push(format!("    {}", &line[n.min(cut)..]));
                i += 1;
                continue;
            }
            literal = None;
        }
        if is_underline(next, line) {
            let c = next.chars().next().unwrap_or('=');
            let level = match levels.iter().position(|&l| l == c) {
                Some(p) => p + 1,
                None => {
                    levels.push(c);
                    levels.len()
                }
            };
            if level == 1 && header.is_empty() {
                header.push(format!("Title: {}", line.trim()));
            } else {
                body.push(format!("{} {}", "#".repeat(level.min(6)), line.trim()));
            }
            i += 2;
            continue;
        }
        if let Some((key, value)) = field(line)
            && body.iter().all(|l| l.trim().is_empty())
        {
            header.push(format!("{}: {}", capitalise(key), value));
            i += 1;
            continue;
        }
        if let Some(target) = line.strip_prefix(".. _") {
            if let Some((name, url)) = target.split_once(": ") {
                body.push(format!("[{}]: {}", name.trim(), url.trim()));
            }
            i += 1;
            continue;
        }
        if line.trim_end().ends_with("::") {
            let kept = line.trim_end().trim_end_matches(':');
            body.push(if kept.trim().is_empty() {
                String::new()
            } else {
                format!("{kept}:")
            });
            literal = Some(None);
            i += 1;
            continue;
        }
        body.push(line.to_string());
        i += 1;
    }
    let markdown = inline(&body.join("\n"));
    format!(
        "{}\n\n{}\n",
        header.join("\n"),
        markdown.trim_start_matches('\n')
    )
}

fn is_underline(line: &str, above: &str) -> bool {
    let t = line.trim_end();
    !above.trim().is_empty()
        && t.len() >= above.trim_end().chars().count()
        && t.chars().next().is_some_and(|c| "=-~^\"'`#*+".contains(c))
        && t.chars().all(|c| t.starts_with(c))
}

fn field(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix(':')?;
    let (key, value) = rest.split_once(": ")?;
    (!key.contains(' ')).then_some((key, value.trim()))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// ``literal`` → `literal`; `text <url>`_ → [text](url); `text`_ → [text][]; `x` → *x*.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('`') {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        if let Some(inner) = after.strip_prefix("``")
            && let Some(end) = inner.find("``")
        {
            out.push('`');
            out.push_str(&inner[..end]);
            out.push('`');
            rest = &inner[end + 2..];
            continue;
        }
        let inner = &after[1..];
        let Some(end) = inner.find('`') else {
            out.push_str(after);
            rest = "";
            break;
        };
        let content = inner[..end].replace('\n', " ");
        let tail = &inner[end + 1..];
        if let Some(tail) = tail.strip_prefix("__").or_else(|| tail.strip_prefix('_')) {
            match content.rsplit_once(" <") {
                Some((label, url)) if url.ends_with('>') => {
                    out.push_str(&format!(
                        "[{}]({})",
                        label.trim(),
                        url.trim_end_matches('>')
                    ));
                }
                _ => out.push_str(&format!("[{content}][]")),
            }
            rest = tail;
        } else {
            out.push_str(&format!("*{content}*"));
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subset_becomes_markdown() {
        let rst = "State of Rust 0.11.0\n====================\n\n:date: 2014-07-15 15:40\n:slug: state-of-rust-0.11.0\n\n\
Hello `Rust`_ and ``code``.\n\nPart\n----\n\nSee `the\nguide <https://e.com/g>`_::\n\n    fn main() {}\n\nEnd.\n\n.. _Rust: https://www.rust-lang.org\n";
        let md = to_markdown(rst);
        assert!(md.starts_with("Title: State of Rust 0.11.0\nDate: 2014-07-15 15:40\nSlug: state-of-rust-0.11.0\n\n"), "{md}");
        assert!(md.contains("Hello [Rust][] and `code`."));
        assert!(md.contains("## Part"));
        assert!(
            md.contains("See [the guide](https://e.com/g):\n\n    fn main() {}"),
            "{md}"
        );
        assert!(md.contains("[Rust]: https://www.rust-lang.org"));
    }
}
