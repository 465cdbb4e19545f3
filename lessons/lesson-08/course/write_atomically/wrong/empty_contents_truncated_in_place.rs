//! Wrong: breaks "`path` is replaced, not written into ... If `path` is a symbolic link, the link itself is replaced by the new file, and the file it points to is left untouched": when `contents` is empty it skips the temporary file and truncates `path` in place (`File::create`), reasoning that an empty file cannot be half-written; so the old file is emptied under every other name it has (a hard link) and through a symbolic link the file it points to is emptied. Non-empty contents take the full temporary-file, sync and rename path, with cleanup on failure, and every error is returned.

use std::io;
use std::path::Path;

use tokio::io::AsyncWriteExt;

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    // Nothing to tear: a file with no bytes is written in one step, so the temporary file and
    // the rename buy nothing here.
    if contents.is_empty() {
        let file = tokio::fs::File::create(path).await?;
        file.sync_all().await?;
        return Ok(());
    }

    let temp = crate::temp_path_beside(path)?;
    let written = write_then_rename(&temp, path, contents).await;
    if written.is_err() {
        // The first error is the one to report; the temporary file may not even exist.
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
