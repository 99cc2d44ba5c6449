//! Writing the built site. Everything goes into a fresh folder beside the output folder,
//! which then takes the output folder's place, so a failed build leaves the old site whole.

use super::render::OutFile;
use std::path::{Path, PathBuf};

/// Writes `files` and copies `copies` (source, path in the site) into a new folder, lets
/// `finish` add to it (the search index), then puts it in place of `out`.
pub fn write_site(
    out: &Path,
    files: &[OutFile],
    copies: &[(PathBuf, String)],
    finish: impl FnOnce(&Path) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    use anyhow::Context;
    let name = out.file_name().and_then(|n| n.to_str()).unwrap_or("output");
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)
        .with_context(|| format!("cannot create {}", parent.display()))?;
    let fresh = parent.join(format!(".{name}.twir-new-{}", std::process::id()));
    let old = parent.join(format!(".{name}.twir-old-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&fresh);
    let result = (|| -> anyhow::Result<()> {
        for f in files {
            let path = fresh.join(&f.path);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::write(&path, &f.bytes)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        for (from, to) in copies {
            let path = fresh.join(to);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::copy(from, &path)
                .with_context(|| format!("cannot copy {}", from.display()))?;
        }
        finish(&fresh)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(&fresh);
        return Err(e);
    }
    swap(out, &fresh, &old)
}

/// Puts `fresh` where `out` is; the old site is removed only once the new one is there.
fn swap(out: &Path, fresh: &Path, old: &Path) -> anyhow::Result<()> {
    use anyhow::Context;
    let had_old = out.exists();
    if had_old {
        std::fs::rename(out, old)
            .with_context(|| format!("cannot move {} aside", out.display()))?;
    }
    if let Err(e) = std::fs::rename(fresh, out) {
        if had_old {
            let _ = std::fs::rename(old, out);
        }
        let _ = std::fs::remove_dir_all(fresh);
        return Err(
            anyhow::Error::new(e).context(format!("cannot put the new site at {}", out.display()))
        );
    }
    if had_old {
        let _ = std::fs::remove_dir_all(old);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_build_keeps_the_old_site() {
        let dir = std::env::temp_dir().join(format!("twir-output-{}", std::process::id()));
        let out = dir.join("site");
        let file = |p: &str, t: &str| OutFile {
            path: p.into(),
            bytes: t.as_bytes().to_vec(),
        };
        write_site(&out, &[file("a/index.html", "one")], &[], |_| Ok(())).unwrap();
        let failed = write_site(&out, &[file("a/index.html", "two")], &[], |_| {
            anyhow::bail!("search failed")
        });
        assert!(failed.is_err());
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "one"
        );
        write_site(&out, &[file("b.html", "three")], &[], |_| Ok(())).unwrap();
        assert!(
            !out.join("a/index.html").exists(),
            "the new site replaces the old one"
        );
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "no leftovers");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
