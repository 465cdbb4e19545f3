//! Wrong: breaks "afterwards the file at `path` holds exactly `contents` (all of it, however large, and nothing else), whether or not it existed before"
//! The learner needs the file name inside a `format!`, and an `OsStr` is not `Display`, so it
//! chains `file_name().and_then(OsStr::to_str)` into one `ok_or_else`: "no name, or a name I
//! cannot print, is not a file I can write". Every ASCII or UTF-8 name works, including bare
//! names, `posts/..` (an `Err`, as asked) and symlinks. But on Linux a file name is any bytes:
//! `caf\xe9.json` (Latin-1) or any name a non-UTF-8 locale produced is a perfectly valid path,
//! and this returns `InvalidInput` ("does not name a file") instead of writing it. The temporary
//! name only needs to be unique, not readable: `OsString::push` (or `to_string_lossy`) keeps
//! every path writable.

use std::ffi::OsStr;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

/// A fresh name beside `path`: `.<name>.tmp-<pid>-<n>`.
fn temp_path_beside(path: &Path) -> io::Result<PathBuf> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let name = path.file_name().and_then(OsStr::to_str).ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        )
    })?;
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    Ok(path.with_file_name(format!(".{name}.tmp-{}-{n}", std::process::id())))
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = temp_path_beside(path)?;
    let result = write_then_rename(&temp, path, contents).await;
    if result.is_err() {
        // The temporary file may never have been made: ignore this removal's own result.
        let _ = tokio::fs::remove_file(&temp).await;
    }
    result
}

async fn write_then_rename(temp: &Path, path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut file = tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)
        .await?;
    file.write_all(contents).await?;
    file.flush().await?;
    file.sync_all().await?;
    drop(file);
    tokio::fs::rename(temp, path).await
}
