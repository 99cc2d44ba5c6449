//! Helpers: run the binary, copy fixtures to a scratch folder, find `../shared`, and
//! compare output with snapshots (`TWIR_BLESS=1` rewrites them).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn twir(args: &[&str], cwd: &Path) -> Output {
    twir_env(args, cwd, &[])
}

/// As [`twir`], with these environment variables (API bases, tokens, cache folders).
pub fn twir_env(args: &[&str], cwd: &Path, env: &[(&str, &dyn AsRef<std::ffi::OsStr>)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_twir"));
    cmd.args(args).current_dir(cwd).env("NO_COLOR", "1");
    for (k, v) in env {
        cmd.env(k, v.as_ref());
    }
    cmd.output().expect("twir runs")
}

/// Asserts that the command exited 0, showing both of its streams when it did not.
pub fn succeeds(o: &Output) {
    assert_eq!(
        o.status.code(),
        Some(0),
        "stdout:\n{}\nstderr:\n{}",
        stdout(o),
        stderr(o)
    );
}

/// Builds the site of the newsletter at `root` into `out`, running in `cwd`; it must
/// succeed. The build cache goes under `cwd`: `root` may be `../shared`, only ever read.
pub fn build_site(root: &Path, out: &Path, cwd: &Path) {
    let built = twir_env(
        &[
            "--root",
            root.to_str().unwrap(),
            "build",
            "--out",
            out.to_str().unwrap(),
        ],
        cwd,
        &[("TWIR_CACHE_DIR", &cwd.join(".twir-cache"))],
    );
    succeeds(&built);
}

/// A file's text; the test fails naming the file if it cannot be read.
pub fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared` beside the repository. Tests that need it carry
/// `#[cfg_attr(not(twir_shared), ignore = "needs ../shared")]` (see `build.rs`), so they
/// only run where it is; run elsewhere with `--ignored`, they fail here.
pub fn shared() -> PathBuf {
    let p = repo().join("../shared");
    assert!(
        p.join("seeds").is_dir(),
        "this test needs ../shared beside the checkout"
    );
    p
}

/// A fresh scratch folder under target/.
/// A scratch newsletter root: empty `content/` and `draft/` folders.
pub fn empty_root(name: &str) -> PathBuf {
    let root = scratch(name);
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::create_dir_all(root.join("draft")).unwrap();
    root
}

pub fn scratch(name: &str) -> PathBuf {
    let dir = repo().join("target/test-scratch").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// Compares `actual` with the snapshot file `tests/snapshots/<name>`.
pub fn snapshot(name: &str, actual: &str) {
    let path = repo().join("tests/snapshots").join(name);
    if std::env::var_os("TWIR_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("no snapshot {}; run with TWIR_BLESS=1", path.display()));
    assert!(
        expected == actual,
        "snapshot {name} differs (TWIR_BLESS=1 to update)\n--- expected\n{expected}\n--- actual\n{actual}"
    );
}

/// Serves `routes` (path, status, content type, body) over HTTP/1.1 on 127.0.0.1 from a
/// background thread, as a calendar host would; unknown paths get 404. Returns the base URL.
pub fn serve(routes: Vec<(&'static str, u16, &'static str, String)>) -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            // Read the headers up to the blank line.
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let path = request.split_whitespace().nth(1).unwrap_or("/");
            let (status, kind, body) = routes.iter().find(|(p, ..)| *p == path).map_or(
                (404, "text/plain", "not found".to_string()),
                |(_, s, k, b)| (*s, *k, b.clone()),
            );
            let reason = if status == 200 { "OK" } else { "Error" };
            let _ = write!(
                stream,
                "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    base
}

/// The rows of the first table after the README heading that contains `heading`, each
/// as its trimmed cells (backticks around a cell removed).
pub fn readme_rows(heading: &str) -> Vec<Vec<String>> {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let after = readme
        .split_once(heading)
        .unwrap_or_else(|| panic!("README has no `{heading}`"))
        .1;
    after
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().trim_matches('`').to_string())
                .collect()
        })
        .collect()
}
