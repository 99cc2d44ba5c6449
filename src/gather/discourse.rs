//! Crate and Quote of the Week nominations from their Discourse threads: the week's new
//! posts (`/t/{id}.json` for the first posts and the id of every post, then
//! `/t/{id}/posts.json?post_ids[]=…` for the rest, 20 at a time), each with its author,
//! date, likes and link, and the crate it names or the quote it gives (replies quoting a
//! nomination are shown as its backers); ranked by likes, then date; written as one HTML
//! comment block the editor picks from (nothing a reader sees).

use crate::http::{Client, HttpError};
use jiff::civil::Date;
use serde::Deserialize;
use std::fmt::Write as _;

/// What is nominated in a thread.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Crate,
    Quote,
}

/// The words that open each block in the draft (after `<!-- `).
pub const COTW_MARKER: &str = "twir gather cotw";
pub const QOTW_MARKER: &str = "twir gather qotw";

impl Kind {
    pub fn marker(self) -> &'static str {
        match self {
            Kind::Crate => COTW_MARKER,
            Kind::Quote => QOTW_MARKER,
        }
    }
}

/// A post as Discourse's JSON gives it (the fields twir reads).
#[derive(Clone, Debug, Deserialize)]
pub struct Post {
    pub id: u64,
    pub post_number: u64,
    pub username: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// The post as HTML.
    #[serde(default)]
    pub cooked: String,
    #[serde(default)]
    pub actions_summary: Vec<Action>,
    #[serde(default)]
    pub deleted_at: Option<String>,
    #[serde(default)]
    pub user_deleted: bool,
    #[serde(default)]
    pub hidden: bool,
}

/// A count of one kind of action on a post; kind 2 is a like.
#[derive(Clone, Debug, Deserialize)]
pub struct Action {
    pub id: u64,
    #[serde(default)]
    pub count: u64,
}

#[derive(Deserialize)]
struct Stream {
    #[serde(default)]
    posts: Vec<Post>,
    #[serde(default)]
    stream: Vec<u64>,
}

#[derive(Deserialize)]
struct Topic {
    slug: String,
    post_stream: Stream,
}

#[derive(Deserialize)]
struct Posts {
    post_stream: Stream,
}

/// How many posts Discourse gives in one answer.
const CHUNK: usize = 20;

/// Every post of topic `id`, in thread order, and the topic's slug.
pub fn posts(client: &Client, id: u64) -> Result<(String, Vec<Post>), HttpError> {
    let topic: Topic = client.get(&format!("t/{id}.json"))?.json()?;
    let mut posts = topic.post_stream.posts;
    let have: std::collections::HashSet<u64> = posts.iter().map(|p| p.id).collect();
    let missing: Vec<u64> = topic
        .post_stream
        .stream
        .iter()
        .copied()
        .filter(|p| !have.contains(p))
        .collect();
    for chunk in missing.chunks(CHUNK) {
        let query: String = chunk
            .iter()
            .map(|p| format!("post_ids[]={p}"))
            .collect::<Vec<_>>()
            .join("&");
        let more: Posts = client.get(&format!("t/{id}/posts.json?{query}"))?.json()?;
        posts.extend(more.post_stream.posts);
    }
    posts.sort_by_key(|p| p.post_number);
    Ok((topic.slug, posts))
}

/// One nomination, ready for the editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nomination {
    pub post_number: u64,
    pub url: String,
    pub author: String,
    pub date: Date,
    pub likes: u64,
    /// Who replied quoting it (a vote).
    pub backers: Vec<String>,
    /// The crate's link (crates.io, lib.rs, docs.rs or a repository), or the quote's source.
    pub link: Option<String>,
    /// The quote, or what the post says of the crate.
    pub text: String,
}

/// The nominations posted after `after` up to `until` (UTC dates), best first.
/// `thread` is the topic's URL (`https://users.rust-lang.org/t/crate-of-the-week/2704`).
pub fn nominations(
    posts: &[Post],
    topic: u64,
    thread: &str,
    kind: Kind,
    after: Date,
    until: Date,
) -> Vec<Nomination> {
    let mut out: Vec<Nomination> = Vec::new();
    // Replies that quote an earlier post of the thread back it (kept until all are read:
    // the quoted post may be older than the window).
    let mut backing: Vec<(u64, String)> = Vec::new();
    for p in posts {
        if p.deleted_at.is_some() || p.user_deleted || p.hidden {
            continue;
        }
        let Some(date) = p.created_at.get(..10).and_then(|d| d.parse::<Date>().ok()) else {
            continue;
        };
        let quoted = quoted_posts(&p.cooked, topic);
        let own = without_thread_quotes(&p.cooked, topic);
        let (link, text) = match kind {
            Kind::Crate => (crate_link(&own), plain(&own)),
            Kind::Quote => {
                let quote = blockquote(&own);
                let source = links(&own).into_iter().next();
                (source, quote.unwrap_or_default())
            }
        };
        let nominates = match kind {
            Kind::Crate => link.is_some(),
            Kind::Quote => !text.is_empty(),
        };
        if !nominates {
            backing.extend(quoted.into_iter().map(|n| (n, p.username.clone())));
            continue;
        }
        if date <= after || date > until || p.post_number == 1 {
            continue;
        }
        out.push(Nomination {
            post_number: p.post_number,
            url: format!("{thread}/{}", p.post_number),
            author: p.username.clone(),
            date,
            likes: p
                .actions_summary
                .iter()
                .filter(|a| a.id == 2)
                .map(|a| a.count)
                .sum(),
            backers: Vec::new(),
            link,
            text,
        });
    }
    for (number, who) in backing {
        if let Some(n) = out.iter_mut().find(|n| n.post_number == number)
            && !n.backers.contains(&who)
            && n.author != who
        {
            n.backers.push(who);
        }
    }
    out.sort_by(|a, b| {
        b.likes
            .cmp(&a.likes)
            .then(a.date.cmp(&b.date))
            .then(a.post_number.cmp(&b.post_number))
    });
    out
}

/// The comment block for the draft: every nomination with its votes, link and words.
pub fn block(kind: Kind, thread: &str, after: Date, until: Date, noms: &[Nomination]) -> String {
    let what = match kind {
        Kind::Crate => "crate",
        Kind::Quote => "quote",
    };
    let mut out = format!(
        "<!-- {}: {} {what} nomination{} in {thread} after {after} up to {until}, most liked first.\n\
Pick one, write it above, and delete this block.\n",
        kind.marker(),
        noms.len(),
        if noms.len() == 1 { "" } else { "s" }
    );
    for (i, n) in noms.iter().enumerate() {
        let backers = if n.backers.is_empty() {
            String::new()
        } else {
            format!("; backed by {}", n.backers.join(", "))
        };
        let _ = write!(
            out,
            "\n{}. {} on {} ({} like{}{backers}): {}\n",
            i + 1,
            n.author,
            n.date,
            n.likes,
            if n.likes == 1 { "" } else { "s" },
            n.url
        );
        match kind {
            Kind::Crate => {
                if let Some(link) = &n.link {
                    let _ = writeln!(out, "   crate: {link}");
                }
                let _ = writeln!(out, "   {}", shorten(&n.text, 300));
            }
            Kind::Quote => {
                for line in n.text.lines() {
                    let _ = writeln!(out, "   > {line}");
                }
                if let Some(link) = &n.link {
                    let _ = writeln!(out, "   source: {link}");
                }
            }
        }
    }
    out.push_str("-->");
    // Nothing inside may close the comment early.
    let body = &out[4..out.len() - 3];
    format!("<!--{}-->", body.replace("--", "–"))
}

fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Post numbers of this thread's posts that `cooked` quotes.
fn quoted_posts(cooked: &str, topic: u64) -> Vec<u64> {
    asides(cooked)
        .filter(|(attrs, _)| attr(attrs, "data-topic") == Some(topic.to_string()))
        .filter_map(|(attrs, _)| attr(attrs, "data-post")?.parse().ok())
        .collect()
}

/// `cooked` without its quotes of posts of this thread.
fn without_thread_quotes(cooked: &str, topic: u64) -> String {
    let mut out = cooked.to_string();
    for (attrs, whole) in asides(cooked).collect::<Vec<_>>().into_iter().rev() {
        if attr(attrs, "data-topic") == Some(topic.to_string()) {
            out.replace_range(whole, "");
        }
    }
    out
}

/// Each `<aside class="quote" …>…</aside>`: its attributes and its byte range.
fn asides(cooked: &str) -> impl Iterator<Item = (&str, std::ops::Range<usize>)> {
    let mut from = 0;
    std::iter::from_fn(move || {
        let start = from + cooked[from..].find("<aside")?;
        let open_end = start + cooked[start..].find('>')?;
        let end = cooked[open_end..]
            .find("</aside>")
            .map_or(cooked.len(), |e| open_end + e + "</aside>".len());
        from = end;
        Some((&cooked[start..open_end], start..end))
    })
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let end = tag[at..].find('"')?;
    Some(tag[at..at + end].to_string())
}

/// The `href`s of `html`'s links, in order (Discourse's own mentions and anchors left out).
fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("href=\"") {
        rest = &rest[at + 6..];
        let Some(end) = rest.find('"') else { break };
        let href = rest[..end].replace("&amp;", "&");
        if href.starts_with("http") {
            out.push(href);
        }
        rest = &rest[end..];
    }
    out
}

/// The first link to a crate: crates.io, lib.rs, docs.rs, or else a code forge.
fn crate_link(html: &str) -> Option<String> {
    let all = links(html);
    let on = |hosts: &[&str]| {
        all.iter()
            .find(|l| hosts.iter().any(|h| l.contains(h)))
            .cloned()
    };
    on(&["crates.io/crates/", "lib.rs/crates/", "docs.rs/"])
        .or_else(|| on(&["github.com/", "gitlab.com/", "codeberg.org/", "sr.ht/"]))
}

/// The text of the first `<blockquote>`, paragraphs as lines.
fn blockquote(html: &str) -> Option<String> {
    let start = html.find("<blockquote")?;
    let open_end = start + html[start..].find('>')? + 1;
    let end = html[open_end..]
        .find("</blockquote>")
        .map_or(html.len(), |e| open_end + e);
    let inner = html[open_end..end].replace("</p>", "\n");
    let text: Vec<String> = plain_lines(&inner);
    (!text.is_empty()).then(|| text.join("\n"))
}

/// `html` as one line of text.
fn plain(html: &str) -> String {
    plain_lines(html).join(" ")
}

fn plain_lines(html: &str) -> Vec<String> {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(n: u64, user: &str, day: &str, cooked: &str, likes: u64) -> Post {
        Post {
            id: 1000 + n,
            post_number: n,
            username: user.into(),
            created_at: format!("{day}T12:00:00.000Z"),
            cooked: cooked.into(),
            actions_summary: vec![Action {
                id: 2,
                count: likes,
            }],
            deleted_at: None,
            user_deleted: false,
            hidden: false,
        }
    }

    const THREAD: &str = "https://users.rust-lang.org/t/crate-of-the-week/2704";

    #[test]
    fn crates_ranked_by_votes_then_date() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let mut deleted = post(
            5,
            "eve",
            "2024-01-12",
            "<p><a href=\"https://crates.io/crates/gone\">gone</a></p>",
            9,
        );
        deleted.deleted_at = Some("2024-01-13T00:00:00Z".into());
        let posts = [
            post(
                1,
                "llogiq",
                "2015-01-01",
                "<p>Nominate crates: <a href=\"https://crates.io/crates/x\">x</a></p>",
                50,
            ),
            post(
                2,
                "old",
                "2024-01-09",
                "<p><a href=\"https://crates.io/crates/old\">old</a></p>",
                7,
            ),
            post(
                3,
                "alice",
                "2024-01-11",
                "<p>I nominate <a href=\"https://crates.io/crates/rayon\">rayon</a>, data parallelism.</p>",
                1,
            ),
            post(
                4,
                "bob",
                "2024-01-12",
                "<p><a href=\"https://github.com/bob/tool\">tool</a> does &amp; things</p>",
                2,
            ),
            deleted,
            post(
                6,
                "carol",
                "2024-01-13",
                "<aside class=\"quote\" data-username=\"alice\" data-post=\"3\" data-topic=\"2704\"><blockquote>I nominate rayon</blockquote></aside><p>+1</p>",
                0,
            ),
        ];
        let noms = nominations(
            &posts,
            2704,
            THREAD,
            Kind::Crate,
            d("2024-01-10"),
            d("2024-01-17"),
        );
        let got: Vec<(u64, u64, Vec<String>)> = noms
            .iter()
            .map(|n| (n.post_number, n.likes, n.backers.clone()))
            .collect();
        // tool's 2 likes first; carol's quoting reply backs rayon but is no like.
        assert_eq!(got, [(4, 2, vec![]), (3, 1, vec!["carol".to_string()])]);
        assert_eq!(noms[0].link.as_deref(), Some("https://github.com/bob/tool"));
        assert_eq!(noms[0].text, "tool does & things");
        assert_eq!(noms[1].url, format!("{THREAD}/3"));
        let b = block(Kind::Crate, THREAD, d("2024-01-10"), d("2024-01-17"), &noms);
        assert!(
            b.starts_with("<!-- twir gather cotw: 2 crate nominations"),
            "{b}"
        );
        assert!(b.contains("2. alice on 2024-01-11 (1 like; backed by carol): https://users.rust-lang.org/t/crate-of-the-week/2704/3\n   crate: https://crates.io/crates/rayon"), "{b}");
        assert!(b.ends_with("-->") && b.matches("-->").count() == 1);
    }

    #[test]
    fn quotes_keep_their_lines_and_source() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let posts = [post(
            7,
            "dan",
            "2024-01-15",
            "<blockquote><p>Rust is a language -- of many parts.</p><p>Second line</p></blockquote><p>From <a href=\"https://reddit.com/r/rust/x\">reddit</a></p>",
            3,
        )];
        let noms = nominations(
            &posts,
            328,
            "https://u/t/q/328",
            Kind::Quote,
            d("2024-01-10"),
            d("2024-01-17"),
        );
        assert_eq!(
            noms[0].text,
            "Rust is a language -- of many parts.\nSecond line"
        );
        assert_eq!(noms[0].link.as_deref(), Some("https://reddit.com/r/rust/x"));
        let b = block(
            Kind::Quote,
            "https://u/t/q/328",
            d("2024-01-10"),
            d("2024-01-17"),
            &noms,
        );
        assert!(b.contains("   > Rust is a language – of many parts.\n   > Second line\n   source: https://reddit.com/r/rust/x"), "{b}");
    }
}
