//! `twir serve`: a preview of the site on 127.0.0.1 that follows the files. A changed
//! issue or draft re-renders its own page; the open page reloads itself.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;
use twir::site::preview::Preview;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Show the drafts too, with a DRAFT banner and their `twir check` findings
    #[arg(long)]
    drafts: bool,
    /// Port on 127.0.0.1 (0 picks a free one)
    #[arg(long, default_value_t = 8000)]
    port: u16,
}

/// Where an open page asks whether the site changed.
const VERSION_PATH: &str = "/__twir/version";

/// Added before `</body>` of every page served: reload when the site changes.
const RELOAD: &str = "<script>(function(){let v=null;setInterval(async()=>{try{const r=await fetch('/__twir/version');const t=await r.text();if(v!==null&&t!==v)location.reload();v=t;}catch(e){}},700);})();</script>";

pub fn run(root: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let shown: Box<dyn Fn(&Path) -> String + Sync + Send> = Box::new(super::shown);
    let (preview, warnings) = Preview::new(root, args.drafts, shown)?;
    for w in &warnings {
        eprintln!("warning: {w}");
    }
    let server = tiny_http::Server::http(("127.0.0.1", args.port))
        .map_err(|e| anyhow::anyhow!("cannot listen on 127.0.0.1:{}: {e}", args.port))?;
    let addr = server
        .server_addr()
        .to_ip()
        .map_or_else(|| "127.0.0.1".to_string(), |a| a.to_string());
    let watched = preview.watched();
    let root_dir = preview.root().to_path_buf();
    let preview = Arc::new(Mutex::new(preview));
    {
        let mut out = std::io::stdout().lock();
        writeln!(out, "serving http://{addr}/ (Ctrl-C stops)")?;
        out.flush()?;
    }
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(tx)?;
    for w in &watched {
        notify::Watcher::watch(&mut watcher, w, notify::RecursiveMode::Recursive)?;
    }
    notify::Watcher::watch(&mut watcher, &root_dir, notify::RecursiveMode::NonRecursive)?;
    // The search index is built beside the server, so the first page is not held up,
    // and again after each change.
    let (reindex, wanted) = mpsc::channel::<()>();
    let indexed = Arc::clone(&preview);
    std::thread::spawn(move || index_search(&wanted, &indexed));
    let _ = reindex.send(());
    let updater = Arc::clone(&preview);
    std::thread::spawn(move || follow(&rx, &updater, &reindex));
    for request in server.incoming_requests() {
        let preview = Arc::clone(&preview);
        std::thread::spawn(move || respond(request, &preview));
    }
    drop(watcher);
    Ok(ExitCode::SUCCESS)
}

/// Applies file changes as they come, a short burst at a time (an editor's save is
/// several events).
fn follow(
    rx: &mpsc::Receiver<notify::Result<notify::Event>>,
    preview: &Mutex<Preview>,
    reindex: &mpsc::Sender<()>,
) {
    while let Ok(first) = rx.recv() {
        let mut paths: Vec<PathBuf> = Vec::new();
        let mut take = |e: notify::Result<notify::Event>| {
            if let Ok(e) = e
                && !matches!(e.kind, notify::EventKind::Access(_))
            {
                paths.extend(e.paths);
            }
        };
        take(first);
        while let Ok(more) = rx.recv_timeout(Duration::from_millis(100)) {
            take(more);
        }
        paths.sort();
        paths.dedup();
        if paths.is_empty() {
            continue;
        }
        let Ok(mut p) = preview.lock() else { return };
        match p.changed(&paths) {
            Ok(u) if u.full => println!("rebuilt the whole site ({} issue pages)", u.pages),
            Ok(u) if u.pages > 0 => {
                let names: Vec<String> = u.issues.iter().map(|p| super::shown(p)).collect();
                println!(
                    "rebuilt {} issue page(s) and the lists for {}",
                    u.pages,
                    names.join(", ")
                );
                for w in u.warnings {
                    eprintln!("warning: {w}");
                }
            }
            Ok(_) => {}
            Err(e) => eprintln!("error: {e:#}"),
        }
        drop(p);
        let _ = reindex.send(());
    }
}

/// Builds the search index whenever asked (several asks at once are one build), from the
/// pages in memory, and hands it to the preview.
fn index_search(wanted: &mpsc::Receiver<()>, preview: &Mutex<Preview>) {
    while wanted.recv().is_ok() {
        while wanted.try_recv().is_ok() {}
        let Ok(p) = preview.lock() else { return };
        let docs = p.search_docs();
        drop(p);
        let files = twir::site::search::index_files(&docs);
        let Ok(mut p) = preview.lock() else { return };
        p.set_search_index(files);
        drop(p);
        println!("search index ready ({} issue pages)", docs.len());
    }
}

fn respond(request: tiny_http::Request, preview: &Mutex<Preview>) {
    let url = request.url().to_string();
    let Ok(p) = preview.lock() else { return };
    if url == VERSION_PATH {
        let body = p.version().to_string();
        drop(p);
        let mut response = tiny_http::Response::from_string(body);
        response.add_header(no_store());
        let _ = request.respond(response);
        return;
    }
    let found = p.get(&url).map(|b| b.into_owned());
    let not_found = p
        .get("/404.html")
        .map(|b| b.into_owned())
        .unwrap_or_default();
    drop(p);
    let (status, mut body, path) = match found {
        Some(b) => (
            200,
            b,
            url.split(['?', '#']).next().unwrap_or("/").to_string(),
        ),
        None => (404, not_found, "/404.html".to_string()),
    };
    let kind = content_type(&path);
    if kind.starts_with("text/html") {
        let html = String::from_utf8_lossy(&body);
        body = match html.rfind("</body>") {
            Some(at) => format!("{}{RELOAD}{}", &html[..at], &html[at..]).into_bytes(),
            None => body,
        };
    }
    let mut response = tiny_http::Response::from_data(body).with_status_code(status);
    response.add_header(header("Content-Type", kind));
    response.add_header(no_store());
    let _ = request.respond(response);
}

/// A preview is never cached: every reload shows the files as they are.
fn no_store() -> tiny_http::Header {
    header("Cache-Control", "no-store")
}

/// A header from names and values known to be valid ASCII.
fn header(name: &'static str, value: &'static str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes())
        .unwrap_or_else(|()| unreachable!("`{name}: {value}` is ASCII"))
}

fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit('.').next().unwrap_or("");
    match ext {
        _ if path.ends_with('/') => "text/html; charset=utf-8",
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}
