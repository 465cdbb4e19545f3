//! Wrong: breaks "If `path` is a symbolic link, the link itself is replaced by the new file" (and "`path` is replaced, not written into"): it first reads `path` and, when it already holds exactly `contents`, returns without writing (the write-only-if-changed habit of build tools, which keeps the modification time), so a symbolic link to a file with the same bytes stays a link, and the old file is not replaced. Whenever the bytes differ, or `path` cannot be read, the write is right: a temporary file beside `path`, flushed, synced, renamed, removed on failure, every step through `tokio::fs`.

use std::io;
use std::path::Path;

use tokio::io::AsyncWriteExt;

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    // Already there, byte for byte: nothing to do, and the file keeps its modification time,
    // so whatever watches it is not told about a change that did not happen.
    if let Ok(current) = tokio::fs::read(path).await {
        if current == contents {
            return Ok(());
        }
    }

    let temp = crate::temp_path_beside(path)?;
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
