//! File writes that never leave a half-written file: write a temporary file beside the
//! target, then rename it over the target.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Replaces `path` with `bytes` atomically, keeping the file's permissions.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = temp_beside(path);
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        if let Ok(meta) = std::fs::metadata(path) {
            std::fs::set_permissions(&tmp, meta.permissions())?;
        }
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Writes `bytes` to a new file at `path`; fails if the file exists.
pub fn create_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = temp_beside(path);
    std::fs::write(&tmp, bytes)?;
    // A hard link fails if the target exists, so a concurrent writer is never clobbered.
    let linked = std::fs::hard_link(&tmp, path);
    let _ = std::fs::remove_file(&tmp);
    linked
}

/// Moves `from` to `to`, which must not exist. There is never a moment with two copies
/// or a half-written file: the file gains its new name by a hard link (which fails if the
/// name is taken) and then loses the old one.
pub fn move_new(from: &Path, to: &Path) -> std::io::Result<()> {
    match std::fs::hard_link(from, to) {
        Ok(()) => {
            if let Err(e) = std::fs::remove_file(from) {
                let _ = std::fs::remove_file(to);
                return Err(e);
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
        // File systems without hard links: rename, having checked the name is free.
        Err(_) if to.exists() => Err(std::io::ErrorKind::AlreadyExists.into()),
        Err(_) => std::fs::rename(from, to),
    }
}

/// A temporary file name in `path`'s folder, so the final rename stays on one file system.
fn temp_beside(path: &Path) -> PathBuf {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    dir.join(format!(".{name}.twir-{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_replace_and_create_new() {
        let dir = std::env::temp_dir().join(format!("twir-fsutil-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("a.md");
        create_new(&f, b"one").unwrap();
        assert!(create_new(&f, b"two").is_err(), "never overwrites");
        write_atomic(&f, b"three").unwrap();
        assert_eq!(std::fs::read(&f).unwrap(), b"three");
        let leftovers = std::fs::read_dir(&dir).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary files left");
        let g = dir.join("b.md");
        create_new(&g, b"four").unwrap();
        assert!(move_new(&g, &f).is_err(), "never moves over a file");
        assert_eq!(std::fs::read(&f).unwrap(), b"three");
        std::fs::remove_file(&f).unwrap();
        move_new(&g, &f).unwrap();
        assert!(!g.exists());
        assert_eq!(std::fs::read(&f).unwrap(), b"four");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
