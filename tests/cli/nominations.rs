//! `twir gather cotw` and `qotw` against a Discourse stand-in on 127.0.0.1 that answers
//! `/t/{id}.json` and `/t/{id}/posts.json?post_ids[]=…` as Discourse does: 45 posts over
//! three answers, most before the window, a deleted post, likes in `actions_summary`, a
//! reply quoting an earlier nomination.

use crate::standin::{Reply, StandIn};
use crate::support::*;
use serde_json::{Value, json};

/// Post `n` of the Crate of the Week thread.
fn crate_post(n: u64) -> Value {
    let (day, likes) = if n <= 30 {
        (format!("2023-12-{n:02}"), 5)
    } else {
        (format!("2024-01-{}", 11 + (n - 31) / 3), n % 4)
    };
    let cooked = match n {
        40 => "<aside class=\"quote no-group\" data-username=\"user33\" data-post=\"33\" data-topic=\"2704\">\
<div class=\"title\">user33:</div><blockquote><p>crate33</p></blockquote></aside><p>Seconded!</p>"
            .to_string(),
        _ => format!(
            "<p>I nominate <a href=\"https://crates.io/crates/crate{n}\">crate{n}</a>: it does &amp; makes things.</p>"
        ),
    };
    json!({
        "id": 1000 + n,
        "post_number": n,
        "username": format!("user{n}"),
        "created_at": format!("{day}T09:30:00.000Z"),
        "cooked": cooked,
        "actions_summary": [{"id": 2, "count": likes, "can_act": true}],
        "deleted_at": if n == 35 { json!("2024-01-13T10:00:00.000Z") } else { Value::Null },
        "user_deleted": false,
        "hidden": false,
        "topic_id": 2704,
    })
}

fn quote_post(n: u64, day: &str, likes: u64) -> Value {
    json!({
        "id": 5000 + n,
        "post_number": n,
        "username": format!("quoter{n}"),
        "created_at": format!("{day}T20:00:00.000Z"),
        "cooked": format!("<blockquote><p>Quote number {n} -- about borrowing.</p></blockquote>\
    <p><a href=\"https://example.org/source/{n}\">source</a></p>"),
        "actions_summary": [{"id": 2, "count": likes}],
        "topic_id": 328,
    })
}

fn forum() -> StandIn {
    StandIn::start(|seen, _| {
        let ids = |raw: &str| -> Vec<u64> {
            raw.split('&')
                .filter_map(|kv| {
                    kv.strip_prefix("post_ids%5B%5D=")
                        .or_else(|| kv.strip_prefix("post_ids[]="))
                })
                .filter_map(|v| v.parse().ok())
                .collect()
        };
        match seen.path.as_str() {
            "/t/2704.json" => Reply::json(json!({
                "id": 2704,
                "slug": "crate-of-the-week",
                "title": "Crate of the Week",
                "post_stream": {
                    "posts": (1..=20).map(crate_post).collect::<Vec<_>>(),
                    "stream": (1..=45).map(|n| 1000 + n).collect::<Vec<u64>>(),
                },
            })),
            "/t/2704/posts.json" => {
                let wanted = ids(&seen.raw_query);
                assert!(wanted.len() <= 20, "Discourse gives 20 posts at a time");
                Reply::json(json!({
                    "id": 2704,
                    "post_stream": {"posts": wanted.iter().map(|id| crate_post(id - 1000)).collect::<Vec<_>>()},
                }))
            }
            "/t/328.json" => Reply::json(json!({
                "id": 328,
                "slug": "twir-quote-of-the-week",
                "post_stream": {
                    "posts": [quote_post(1, "2016-01-01", 9), quote_post(2, "2024-01-09", 4),
                              quote_post(3, "2024-01-12", 1), quote_post(4, "2024-01-15", 6)],
                    "stream": [5001, 5002, 5003, 5004],
                },
            })),
            _ => Reply::status(404, r#"{"errors":["not found"]}"#),
        }
    })
}

#[test]
fn nominations_since_the_last_issue_land_in_a_comment_block() {
    let forum = forum();
    let root = empty_root("nominations");
    std::fs::write(
        root.join("content/2024-01-10-this-week-in-rust.md"),
        "Title: This Week in Rust 1\nNumber: 1\nDate: 2024-01-10\n\nHello.\n",
    )
    .unwrap();
    let draft = root.join("draft/2024-01-17-this-week-in-rust.md");
    let before = "Title: This Week in Rust 2\nNumber: 2\nDate: 2024-01-17\n\n\
## Crate of the Week\n\n<!-- COTW goes here -->\n\n[Please submit your suggestions][s]!\n\n\
## Upcoming Events\n\nNone.\n\n# Quote of the Week\n\n<!-- QOTW goes here -->\n\nEnd.\n";
    std::fs::write(&draft, before).unwrap();
    let run = || {
        twir_env(
            &["gather", "cotw", "qotw", "--into", draft.to_str().unwrap()],
            &root,
            &[("TWIR_DISCOURSE_URL", &forum.base)],
        )
    };
    let out = run();
    succeeds(&out);
    let text = read(&draft);
    let block = text
        .split("<!-- twir gather cotw")
        .nth(1)
        .and_then(|rest| rest.split("-->").next())
        .unwrap_or_else(|| panic!("no block in {text}"));
    let order: Vec<u64> = block
        .lines()
        .filter_map(|l| l.split_once(". user").map(|(_, rest)| rest))
        .filter_map(|rest| rest.split(' ').next()?.parse().ok())
        .collect();
    // Most liked first, then the earlier post; posts before 2024-01-11, the deleted 35
    // and post 40 (a reply quoting 33: its backer) are not nominations.
    assert_eq!(
        order,
        [31, 39, 43, 34, 38, 42, 33, 37, 41, 45, 32, 36, 44],
        "{block}"
    );
    assert!(block.contains("(1 like; backed by user40): "), "{block}");
    assert!(
        block.contains("crate: https://crates.io/crates/crate31"),
        "{block}"
    );
    assert!(
        block.contains(&format!("{}/t/crate-of-the-week/2704/31", forum.base)),
        "{block}"
    );
    let qotw = text.split("<!-- twir gather qotw").nth(1).unwrap();
    assert!(qotw.contains("2 quote nominations"), "{qotw}");
    let q4 = qotw.find("quoter4").unwrap();
    let q3 = qotw.find("quoter3").unwrap();
    assert!(q4 < q3, "more likes first: {qotw}");
    assert!(
        qotw.contains("   > Quote number 4 – about borrowing."),
        "{qotw}"
    );
    // Nothing a reader sees changed: the blocks are comments beside the placeholders.
    let stripped: String = {
        let mut t = text.clone();
        for marker in ["<!-- twir gather cotw", "<!-- twir gather qotw"] {
            let start = t.find(marker).unwrap();
            let end = start + t[start..].find("-->").unwrap() + 3;
            t.replace_range(start..end + 1, "");
        }
        t
    };
    assert_eq!(stripped.replace("\n\n\n", "\n\n"), before);
    // Three answers for 45 posts: the topic, then 20 and 5 more posts.
    let crate_requests = forum
        .seen()
        .iter()
        .filter(|(s, _)| s.path.starts_with("/t/2704"))
        .count();
    assert_eq!(crate_requests, 3);

    // Again: the blocks are replaced, not added twice.
    succeeds(&run());
    let again = read(&draft);
    assert_eq!(again.matches("<!-- twir gather cotw").count(), 1);
    assert_eq!(again, text);
}
