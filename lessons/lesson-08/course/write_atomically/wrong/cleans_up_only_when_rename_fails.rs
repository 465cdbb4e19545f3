//! Wrong: breaks "no other file is left behind, not even when the write fails": it removes the temporary file only when the rename fails; a failure while writing, flushing or syncing (a full disk, a quota, an I/O error) returns through `?` and leaves the half-written `.<name>.tmp-…` file in the folder.
//!
//! Exercise 13: write a file atomically. (A learner who read the pitfall "a `?` on the rename
//! would return with the temporary file still on disk" and fixed exactly that step.)

use std::io;
use std::path::Path;

use tokio::io::AsyncWriteExt;

use crate::temp_path_beside;

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = temp_path_beside(path)?;
    let mut file = tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .await?;
    file.write_all(contents).await?;
    file.flush().await?;
    file.sync_all().await?;
    drop(file);
    if let Err(err) = tokio::fs::rename(&temp, path).await {
        // The rename failed (say `path` is a folder): the temporary file holds all of the new
        // contents and nobody will ever rename it, so take it away.
        let _ = tokio::fs::remove_file(&temp).await;
        return Err(err);
    }
    Ok(())
}
