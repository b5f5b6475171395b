//! Saving that never destroys a good file.
//!
//! The new text is written to a temporary file beside the target and flushed to disk; the previous
//! version is copied to `<name>.bak` (itself replaced atomically); then the temporary file is renamed
//! over the target, which is atomic on the same file system. A crash, a kill or a full disk at any
//! moment leaves the target as either the old or the new file, never a mixture.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::FileError;

/// Where the previous version of `path` is kept: `<name>.bak` beside it.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_else(|| "plan.ron".into());
    name.push(".bak");
    path.with_file_name(name)
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_else(|| "plan.ron".as_ref()));
    name.push(suffix);
    path.with_file_name(name)
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = File::create(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Flushes a directory entry change (rename) to disk where the platform allows it.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Writes `text` to `path` safely, keeping the previous version as `<name>.bak`.
pub fn save_text(text: &str, path: &Path) -> Result<(), FileError> {
    save_bytes(text.as_bytes(), path)
}

/// Writes `bytes` to `path` safely (e.g. a PNG), keeping the previous version as `<name>.bak`.
pub fn save_bytes(bytes: &[u8], path: &Path) -> Result<(), FileError> {
    let io = |source| FileError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if path.is_dir() {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "is a folder, not a plan file",
        )));
    }
    let tmp = sibling(path, ".saving");
    let bak_tmp = sibling(path, ".bak.saving");
    let result = (|| -> std::io::Result<()> {
        write_synced(&tmp, bytes)?;
        if path.exists() {
            fs::copy(path, &bak_tmp)?;
            File::open(&bak_tmp)?.sync_all()?;
            fs::rename(&bak_tmp, backup_path(path))?;
        }
        fs::rename(&tmp, path)?;
        sync_dir(dir);
        Ok(())
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        let _ = fs::remove_file(&bak_tmp);
        io(e)
    })
}
