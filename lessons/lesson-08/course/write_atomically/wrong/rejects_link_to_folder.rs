//! Wrong: breaks "If `path` is a symbolic link, the link itself is replaced by the new file, and the file it points to is left untouched": an early check with `tokio::fs::metadata` (which follows links) refuses a `path` that is a folder, so a symbolic link that points to a folder is refused with an `IsADirectory` error instead of being replaced; a link to a file is replaced, a real folder still fails with no file left, and the temp file, rename, clean-up and errors are right.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

/// A fresh name beside `path`: `.name.tmp-<pid>-<n>`.
fn temp_path(path: &Path) -> io::Result<PathBuf> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        )
    })?;
    let mut temp = OsString::from(".");
    temp.push(name);
    temp.push(format!(
        ".tmp-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    Ok(path.with_file_name(temp))
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    // Fail fast, with a clear message, when `path` is a folder: a file cannot replace it, so
    // there is no point writing a temporary file first. (A path that does not exist yet is
    // fine: that is the usual case.)
    if let Ok(metadata) = tokio::fs::metadata(path).await {
        if metadata.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                format!("{} is a folder, not a file", path.display()),
            ));
        }
    }

    let temp = temp_path(path)?;
    let result = write_then_rename(&temp, path, contents).await;
    if result.is_err() {
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
