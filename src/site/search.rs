//! The search index: twir's own static, sharded index of every published issue, made from
//! the text the renderer already has (no second reading of the written HTML).
//!
//! Files, all under `search/`, all JSON:
//! - `index.json`: the pages (URL, title, date, how many sections each text chunk holds)
//!   and the first word of every word shard. A reader's first query loads it (tens of kB).
//! - `w/<n>.json`: a shard of the word list, words in UTF-16 order (as JavaScript compares
//!   strings), each with its postings `[section, count, section, count, …]`, sections as
//!   deltas. Shards are cut at about [`SHARD_BYTES`], so a query fetches one small file per
//!   word.
//! - `t/<page>-<k>.json`: the text of a page's sections, `[[anchor, heading, text], …]`, in
//!   chunks of about [`CHUNK_BYTES`], fetched only for the results shown (excerpts).
//!
//! Section numbers run through the pages in order. Words are whole words: runs of letters,
//! digits and `_`, lowercased, as `theme/search.js` splits a query.

use super::Article;
use super::markdown::Section;
use super::render::OutFile;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::fmt::Write as _;
use std::sync::Arc;

/// A word shard is closed once it holds this many bytes (one very common word may exceed it).
const SHARD_BYTES: usize = 24 * 1024;
/// A page's text is cut into files of about this size (a long section may exceed it).
const CHUNK_BYTES: usize = 16 * 1024;
/// Longer "words" are hashes, base64 and URLs run together: nobody searches for them.
const MAX_WORD_CHARS: usize = 40;
/// A heading's words count as this many occurrences: a section about a word names it.
const HEADING_WEIGHT: u32 = 5;

/// What the index needs of a published article; cheap to clone (`twir serve` takes a copy
/// to index in the background).
#[derive(Clone, Debug)]
pub struct Doc {
    /// From the site root, with its leading `/`.
    pub url: String,
    pub title: String,
    pub date: jiff::civil::Date,
    pub sections: Arc<[Section]>,
}

/// The published articles (drafts are left out) as the index takes them.
pub fn docs(articles: &[Article]) -> Vec<Doc> {
    articles
        .iter()
        .filter(|a| a.draft.is_none())
        .map(|a| Doc {
            url: format!("/{}", a.url()),
            title: a.title.clone(),
            date: a.date,
            sections: a.sections.clone(),
        })
        .collect()
}

/// The index's files, paths from the site root.
pub fn index_files(published: &[Doc]) -> Vec<OutFile> {
    // Per page: its words with (section within the page, count), and its text chunks.
    let per_page = crate::par::map(published, |a| (page_words(a), text_chunks(a)));
    let mut files = Vec::new();
    let mut postings: HashMap<&str, Vec<u32>> = HashMap::default();
    let mut entry = String::from("{\"v\":1,\"pages\":[");
    let mut first_section = 0u32;
    for (i, (a, (words, chunks))) in published.iter().zip(&per_page).enumerate() {
        for (word, hits) in words {
            let list = postings.entry(word.as_str()).or_default();
            for &(section, count) in hits {
                list.extend([first_section + section, count]);
            }
        }
        if i > 0 {
            entry.push(',');
        }
        let counts: Vec<usize> = chunks.iter().map(|(n, _)| *n).collect();
        let _ = write!(
            entry,
            "[{},{},{},{}]",
            json(&a.url),
            json(&a.title),
            json(&a.date.strftime("%-d %B %Y").to_string()),
            json(&counts)
        );
        for (k, (_, bytes)) in chunks.iter().enumerate() {
            files.push(OutFile {
                path: format!("search/t/{i}-{k}.json"),
                bytes: bytes.clone(),
            });
        }
        first_section += a.sections.len() as u32;
    }
    let mut words: Vec<(&str, Vec<u32>)> = postings.into_iter().collect();
    words.sort_by_cached_key(|(w, _)| w.encode_utf16().collect::<Vec<u16>>());
    let mut firsts: Vec<&str> = Vec::new();
    let mut shard = String::new();
    for (n, (word, list)) in words.iter().enumerate() {
        if shard.is_empty() {
            firsts.push(word);
            shard.push('{');
        } else {
            shard.push(',');
        }
        shard.push_str(&json(word));
        shard.push_str(":[");
        let mut previous = 0;
        for (j, pair) in list.chunks(2).enumerate() {
            if j > 0 {
                shard.push(',');
            }
            let _ = write!(shard, "{},{}", pair[0] - previous, pair[1]);
            previous = pair[0];
        }
        shard.push(']');
        if shard.len() >= SHARD_BYTES || n + 1 == words.len() {
            shard.push('}');
            files.push(OutFile {
                path: format!("search/w/{}.json", firsts.len() - 1),
                bytes: std::mem::take(&mut shard).into_bytes(),
            });
        }
    }
    let _ = write!(entry, "],\"shards\":{}}}", json(&firsts));
    files.push(OutFile {
        path: "search/index.json".into(),
        bytes: entry.into_bytes(),
    });
    files
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// A page's words, each with the sections (numbered within the page) it is in and how often.
fn page_words(a: &Doc) -> Vec<(String, Vec<(u32, u32)>)> {
    let mut counts: HashMap<String, Vec<(u32, u32)>> = HashMap::default();
    let mut add = |word: Cow<'_, str>, section: u32, weight: u32| {
        // Most words are seen before: look up without allocating.
        let hits = match counts.get_mut(word.as_ref()) {
            Some(hits) => hits,
            None => counts.entry(word.into_owned()).or_default(),
        };
        match hits.last_mut() {
            Some((s, n)) if *s == section => *n += weight,
            _ => hits.push((section, weight)),
        }
    };
    for (i, s) in a.sections.iter().enumerate() {
        let i = i as u32;
        // The title belongs to the page's opening section ("issue 527" finds issue 527).
        let heading = if i == 0 { &a.title } else { &s.heading };
        for w in words(heading) {
            add(w, i, HEADING_WEIGHT);
        }
        for w in words(&s.text) {
            add(w, i, 1);
        }
    }
    counts.into_iter().collect()
}

/// The words of `text` as the index keeps them.
fn words(text: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty() && w.chars().count() <= MAX_WORD_CHARS)
        .map(|w| {
            if w.chars().any(char::is_uppercase) {
                Cow::Owned(w.to_lowercase())
            } else {
                Cow::Borrowed(w)
            }
        })
}

/// A page's sections as JSON files of about [`CHUNK_BYTES`]: (sections in it, bytes).
fn text_chunks(a: &Doc) -> Vec<(usize, Vec<u8>)> {
    let mut chunks = Vec::new();
    let mut current: Vec<[&str; 3]> = Vec::new();
    let mut size = 0;
    for (i, s) in a.sections.iter().enumerate() {
        let heading = if i == 0 { a.title.as_str() } else { &s.heading };
        size += s.text.len() + heading.len() + s.anchor.len();
        current.push([&s.anchor, heading, &s.text]);
        if size >= CHUNK_BYTES {
            chunks.push((current.len(), json(&current).into_bytes()));
            current.clear();
            size = 0;
        }
    }
    if !current.is_empty() {
        chunks.push((current.len(), json(&current).into_bytes()));
    }
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(slug: &str, day: i8, sections: &[(&str, &str, &str)]) -> Article {
        Article {
            source: slug.into(),
            title: format!("Issue {slug}"),
            slug: slug.into(),
            date: jiff::civil::date(2024, 1, day),
            modified: None,
            number: None,
            category: "c".into(),
            author: "a".into(),
            tags: vec![],
            html: String::new(),
            toc: vec![],
            sections: sections
                .iter()
                .map(|(anchor, heading, text)| Section {
                    anchor: anchor.to_string(),
                    heading: heading.to_string(),
                    text: text.to_string(),
                })
                .collect(),
            summary: String::new(),
            gist: String::new(),
            draft: None,
        }
    }

    fn file(files: &[OutFile], path: &str) -> serde_json::Value {
        let f = files.iter().find(|f| f.path == path).unwrap();
        serde_json::from_slice(&f.bytes).unwrap()
    }

    #[test]
    fn postings_number_sections_through_the_pages() {
        let mut draft = article("draft", 3, &[("", "", "secret words")]);
        draft.draft = Some(vec![]);
        let articles = [
            article(
                "two",
                2,
                &[
                    ("", "", "Hello"),
                    ("async", "Async Rust", "async fn, Ärger"),
                ],
            ),
            draft,
            article("one", 1, &[("", "", "hello hello_world")]),
        ];
        let files = index_files(&docs(&articles));
        let entry = file(&files, "search/index.json");
        assert_eq!(
            entry["pages"],
            serde_json::json!([
                ["/blog/2024/01/02/two/", "Issue two", "2 January 2024", [2]],
                ["/blog/2024/01/01/one/", "Issue one", "1 January 2024", [1]],
            ])
        );
        assert_eq!(entry["shards"], serde_json::json!(["async"]));
        let words = file(&files, "search/w/0.json");
        // "async": heading (5) + text (1) in section 1; "hello": section 0, then section 2
        // (delta 2); the title's words weigh as a heading.
        assert_eq!(words["async"], serde_json::json!([1, 6]));
        assert_eq!(words["hello"], serde_json::json!([0, 1, 2, 1]));
        assert_eq!(words["hello_world"], serde_json::json!([2, 1]));
        assert_eq!(words["issue"], serde_json::json!([0, 5, 2, 5]));
        assert_eq!(words["ärger"], serde_json::json!([1, 1]));
        assert!(words.get("secret").is_none(), "drafts are not indexed");
        assert_eq!(
            file(&files, "search/t/0-0.json"),
            serde_json::json!([
                ["", "Issue two", "Hello"],
                ["async", "Async Rust", "async fn, Ärger"]
            ])
        );
    }

    #[test]
    fn shards_are_cut_in_utf16_order() {
        // Enough distinct words for several shards.
        let text: String = (0..20_000).map(|i| format!("w{i} ")).collect();
        let files = index_files(&docs(&[article("a", 1, &[("", "", &text)])]));
        let entry = file(&files, "search/index.json");
        let firsts: Vec<String> = entry["shards"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        assert!(firsts.len() > 3, "{firsts:?}");
        for (n, first) in firsts.iter().enumerate() {
            let shard = file(&files, &format!("search/w/{n}.json"));
            let keys: Vec<&String> = shard.as_object().unwrap().keys().collect();
            assert!(keys.iter().all(|k| k.as_str() >= first.as_str()));
            if let Some(next) = firsts.get(n + 1) {
                assert!(keys.iter().all(|k| k.as_str() < next.as_str()));
            }
        }
    }

    #[test]
    fn long_pages_are_cut_into_chunks() {
        let long = "word ".repeat(CHUNK_BYTES / 5 + 10);
        let files = index_files(&docs(&[article(
            "a",
            1,
            &[("", "", &long), ("b", "B", "short"), ("c", "C", "tail")],
        )]));
        let entry = file(&files, "search/index.json");
        assert_eq!(entry["pages"][0][3], serde_json::json!([1, 2]));
        assert_eq!(file(&files, "search/t/0-1.json")[1][0], "c");
    }
}
