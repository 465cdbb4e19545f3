//! Wrong: breaks "the file work does not block the async runtime's thread, not even a quick step": before writing it looks the folder up with `std::fs::metadata` (a blocking `stat`) right in the `async fn`, to fail early with NotFound; the stat changes nothing on disk and takes microseconds, but it is file work done on the runtime's thread.
//!
//! Exercise 13: write a file atomically. (Python's look-before-you-leap habit,
//! `if not os.path.isdir(folder): raise FileNotFoundError`, carried over with `std::fs`.)

use std::io;
use std::path::Path;

use tokio::io::AsyncWriteExt;

use crate::temp_path_beside;

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = temp_path_beside(path)?;
    // Fail early, before any file is made, when the folder is missing: the error is the OS's
    // own NotFound. A bare file name has the empty path as its parent: the current folder.
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::metadata(folder)?;

    let written = write_then_rename(&temp, path, contents).await;
    if written.is_err() {
        let _ = tokio::fs::remove_file(&temp).await;
    }
    written
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
