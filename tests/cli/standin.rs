//! A GitHub stand-in on 127.0.0.1: answers from a handler the test writes, in the REST
//! API's wire format (status, `ETag`, `Link`, rate-limit and `Retry-After` headers, JSON
//! bodies), and keeps a log of every request with its headers for assertions.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::sync::{Arc, Mutex};

/// One request as the stand-in saw it.
#[derive(Clone, Debug)]
pub struct Seen {
    pub path: String,
    /// The decoded query parameters (a repeated one keeps its last value).
    pub query: BTreeMap<String, String>,
    /// The query as sent, for repeated parameters (`post_ids[]=1&post_ids[]=2`).
    pub raw_query: String,
    /// Header names in lower case.
    pub headers: BTreeMap<String, String>,
}

/// An answer.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn json(body: serde_json::Value) -> Reply {
        Reply {
            status: 200,
            headers: Vec::new(),
            body: body.to_string(),
        }
    }

    pub fn status(status: u16, body: &str) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: body.to_string(),
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }
}

/// The running stand-in: its base URL and the log.
pub struct StandIn {
    pub base: String,
    pub log: Arc<Mutex<Vec<(Seen, u16)>>>,
}

impl StandIn {
    /// Starts a stand-in answering with `handler` (called with the request and the number
    /// of earlier requests for the same path and query).
    pub fn start(handler: impl Fn(&Seen, usize) -> Reply + Send + Sync + 'static) -> StandIn {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let log: Arc<Mutex<Vec<(Seen, u16)>>> = Arc::default();
        let handler = Arc::new(handler);
        let shared = Arc::clone(&log);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let handler = Arc::clone(&handler);
                let log = Arc::clone(&shared);
                std::thread::spawn(move || answer(stream, &*handler, &log));
            }
        });
        StandIn { base, log }
    }

    /// The log so far.
    pub fn seen(&self) -> Vec<(Seen, u16)> {
        self.log.lock().unwrap().clone()
    }
}

fn answer(
    mut stream: std::net::TcpStream,
    handler: &(dyn Fn(&Seen, usize) -> Reply + Send + Sync),
    log: &Mutex<Vec<(Seen, u16)>>,
) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    let mut headers = BTreeMap::new();
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        if let Some((k, v)) = line.trim_end().split_once(':') {
            headers.insert(k.trim().to_lowercase(), v.trim().to_string());
        }
        line.clear();
    }
    if let Some(n) = headers
        .get("content-length")
        .and_then(|n| n.parse::<usize>().ok())
    {
        let mut body = vec![0; n];
        let _ = reader.read_exact(&mut body);
    }
    let target = first.split_whitespace().nth(1).unwrap_or("/").to_string();
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    let seen = Seen {
        path: path.to_string(),
        query: form_urlencoded::parse(query.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect(),
        raw_query: query.to_string(),
        headers,
    };
    let earlier = {
        let log = log.lock().unwrap();
        log.iter()
            .filter(|(s, _)| s.path == seen.path && s.query == seen.query)
            .count()
    };
    let reply = handler(&seen, earlier);
    log.lock().unwrap().push((seen, reply.status));
    let mut head = format!(
        "HTTP/1.1 {} X\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n",
        reply.status,
        reply.body.len()
    );
    for (k, v) in &reply.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(reply.body.as_bytes());
}
