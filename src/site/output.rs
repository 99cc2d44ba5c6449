//! Writing the built site into the output folder, touching only what changed.
//!
//! The whole site is rendered in memory before the first write, so an error in the
//! sources leaves the old site as it was. A manifest (`.twir-manifest` in the output
//! folder, written last) records what the previous build wrote: a file whose bytes are
//! the same is left alone, a changed one is replaced whole (temporary file + rename), and
//! one the site no longer has is removed. Files twir did not write are never touched,
//! except on a first build over a folder without a manifest, which the new site replaces.

use super::render::OutFile;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

const MANIFEST: &str = ".twir-manifest";

/// What a write did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// Files written (new or changed).
    pub written: usize,
    /// Files left as they were.
    pub unchanged: usize,
    /// Files of the previous build that the site no longer has.
    pub removed: usize,
}

/// Writes `files` and copies `copies` (source, path in the site) into `out`.
pub fn write_site(
    out: &Path,
    files: &[OutFile],
    copies: &[(PathBuf, String)],
) -> anyhow::Result<Written> {
    use anyhow::Context;
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let before = read_manifest(out);
    let fresh_start = before.is_none();
    let before = before.unwrap_or_default();
    // What each path holds now: a hash of the bytes, or of a copied file's size and time.
    let hashes = crate::par::map(files, |f| digest(&f.bytes));
    let mut now: Vec<(&str, u64, Source<'_>)> = files
        .iter()
        .zip(hashes)
        .map(|(f, hash)| (f.path.as_str(), hash, Source::Bytes(&f.bytes)))
        .collect();
    for (from, to) in copies {
        let meta =
            std::fs::metadata(from).with_context(|| format!("cannot read {}", from.display()))?;
        let stamp = (meta.len(), meta.modified().ok());
        now.push((to.as_str(), digest(&stamp), Source::Copy(from)));
    }
    let wanted: Vec<&(&str, u64, Source<'_>)> = now
        .iter()
        .filter(|(path, hash, _)| {
            before.get(*path) != Some(hash) || std::fs::symlink_metadata(out.join(path)).is_err()
        })
        .collect();
    for result in crate::par::map_on(8, &wanted, |(path, _, source)| put(&out.join(path), source)) {
        result?;
    }
    let keep: std::collections::HashSet<&str> = now.iter().map(|(p, _, _)| *p).collect();
    let mut removed = 0;
    if fresh_start {
        removed += remove_others(out, out, &keep)?;
    } else {
        for path in before.keys().filter(|p| !keep.contains(p.as_str())) {
            let path = out.join(path);
            if std::fs::remove_file(&path).is_ok() {
                removed += 1;
                prune_empty(out, path.parent());
            }
        }
    }
    let manifest: String = now
        .iter()
        .map(|(path, hash, _)| format!("{hash:016x} {path}\n"))
        .collect();
    crate::fsutil::write_atomic(&out.join(MANIFEST), manifest.as_bytes())
        .with_context(|| format!("cannot write {}", out.join(MANIFEST).display()))?;
    Ok(Written {
        written: wanted.len(),
        unchanged: now.len() - wanted.len(),
        removed,
    })
}

enum Source<'a> {
    Bytes(&'a [u8]),
    Copy(&'a Path),
}

fn digest<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// Puts one file in place: beside it under a temporary name, then renamed over it, so a
/// reader (or `twir serve` of another checkout) never sees half a page.
fn put(path: &Path, source: &Source<'_>) -> anyhow::Result<()> {
    use anyhow::Context;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.twir-tmp"));
    // A new file needs no temporary: until the manifest names it, a half-written one is
    // written again by the next build.
    let target = if std::fs::symlink_metadata(path).is_ok() {
        &tmp
    } else {
        path
    };
    let result = match source {
        Source::Bytes(bytes) => std::fs::write(target, bytes),
        Source::Copy(from) => std::fs::copy(from, target).map(|_| ()),
    }
    .and_then(|()| {
        if target == tmp {
            std::fs::rename(&tmp, path)
        } else {
            Ok(())
        }
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.with_context(|| format!("cannot write {}", path.display()))
}

/// The previous build's paths and hashes; `None` when there was none.
fn read_manifest(out: &Path) -> Option<HashMap<String, u64>> {
    let text = std::fs::read_to_string(out.join(MANIFEST)).ok()?;
    Some(
        text.lines()
            .filter_map(|line| {
                let (hash, path) = line.split_once(' ')?;
                Some((path.to_string(), u64::from_str_radix(hash, 16).ok()?))
            })
            .collect(),
    )
}

/// On a first build into an existing folder: removes what the new site does not have (as
/// the folder is the site's, made by an older twir or by hand).
fn remove_others(
    root: &Path,
    dir: &Path,
    keep: &std::collections::HashSet<&str>,
) -> anyhow::Result<usize> {
    let mut removed = 0;
    for entry in std::fs::read_dir(dir)?.flatten() {
        let path = entry.path();
        let rel = path
            .strip_prefix(root)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        if rel == MANIFEST {
            continue;
        }
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            removed += remove_others(root, &path, keep)?;
            let _ = std::fs::remove_dir(&path);
        } else if !keep.contains(rel.as_str()) {
            std::fs::remove_file(&path)?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Removes `dir` and its parents up to `root` while they are empty.
fn prune_empty(root: &Path, mut dir: Option<&Path>) {
    while let Some(d) = dir {
        if d == root || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(p: &str, t: &str) -> OutFile {
        OutFile {
            path: p.into(),
            bytes: t.as_bytes().to_vec(),
        }
    }

    fn mtime(p: &Path) -> std::time::SystemTime {
        std::fs::metadata(p).unwrap().modified().unwrap()
    }

    #[test]
    fn only_changed_files_are_written_and_stale_ones_removed() {
        let dir = std::env::temp_dir().join(format!("twir-output-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let out = dir.join("site");
        std::fs::create_dir_all(out.join("old")).unwrap();
        std::fs::write(out.join("old/page.html"), "from before twir").unwrap();
        let first = write_site(
            &out,
            &[file("a/index.html", "one"), file("b/index.html", "two")],
            &[],
        )
        .unwrap();
        assert_eq!((first.written, first.removed), (2, 1));
        assert!(
            !out.join("old").exists(),
            "a first build replaces the folder"
        );
        let a_time = mtime(&out.join("a/index.html"));
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(out.join("mine.txt"), "not twir's").unwrap();
        let again = write_site(
            &out,
            &[file("a/index.html", "one"), file("c/d/index.html", "three")],
            &[],
        )
        .unwrap();
        assert_eq!(
            again,
            Written {
                written: 1,
                unchanged: 1,
                removed: 1
            }
        );
        assert_eq!(
            mtime(&out.join("a/index.html")),
            a_time,
            "unchanged: untouched"
        );
        assert!(!out.join("b").exists(), "stale file and its folder removed");
        assert_eq!(
            std::fs::read_to_string(out.join("mine.txt")).unwrap(),
            "not twir's"
        );
        // A file deleted by hand is written again even though the manifest lists it.
        std::fs::remove_file(out.join("a/index.html")).unwrap();
        let healed = write_site(
            &out,
            &[file("a/index.html", "one"), file("c/d/index.html", "three")],
            &[],
        )
        .unwrap();
        assert_eq!(healed.written, 1);
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "one"
        );
        let leftovers: Vec<_> = std::fs::read_dir(out.join("c/d"))
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains("twir-tmp"))
            .collect();
        assert!(leftovers.is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
