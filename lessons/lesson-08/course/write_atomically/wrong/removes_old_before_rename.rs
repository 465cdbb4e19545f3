//! Wrong: breaks "`path` is replaced, not written into: until the final step it holds its old contents, after it all of the new ones, and at no moment is it missing, empty or half-written"
//! Everything else is the careful recipe (a unique hidden temporary beside `path`,
//! `create_new`, `write_all`, `flush`, `sync_all`, clean-up on any failure, all through
//! `tokio::fs`). But before the rename it removes the old `path` "to clear the way", ignoring
//! the result (nothing there, or a folder that the rename will then refuse with its own error).
//! A learner coming from Python writes this: `os.rename` fails on Windows when the target
//! exists, and std's `rename` docs warn that its behaviour differs per platform, so "remove
//! then rename" looks portable. Between the removal and the rename (one trip to the blocking
//! pool each) `path` does not exist at all: a reader in that window gets `NotFound`, and a
//! crash there leaves neither the old contents nor the new ones under `path`. Every
//! before/after check passes; only a reader watching `path` during the write sees the gap.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = temp_beside(path)?;
    let result = write_then_replace(&temp, path, contents).await;
    if result.is_err() {
        // The temporary file may never have been made: the error worth returning is `result`.
        let _ = tokio::fs::remove_file(&temp).await;
    }
    result
}

/// `.name.tmp-<pid>-<n>` in the same folder as `path`.
fn temp_beside(path: &Path) -> io::Result<PathBuf> {
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

async fn write_then_replace(temp: &Path, path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut file = tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)
        .await?;
    file.write_all(contents).await?;
    file.flush().await?;
    file.sync_all().await?;
    drop(file);
    // Clear the way for the rename, as on platforms where renaming onto an existing file fails.
    // Not there yet (a new file) or a folder (which `remove_file` refuses, and the rename then
    // reports): either way nothing to do, so the result is ignored. A symlink is removed as a
    // link, so the file it points to is left alone.
    let _ = tokio::fs::remove_file(path).await;
    tokio::fs::rename(temp, path).await
}
