//! Correct, written another way: the steps run inside one `async` block (a stand-in for `try`, so `?` works without a helper function), a guard owns the temporary name and removes it with `std::fs` in its `Drop` only if the call is cancelled midway, and on an ordinary failure the temporary file is removed with `tokio::fs` before the guard is disarmed.
//!
//! Exercise 13: write a file atomically.
//!
//! `write_atomically` puts `contents` into the file at `path` so that, whatever happens
//! halfway (a crash, Ctrl-C, a full disk), `path` holds either its old contents or all of the
//! new ones: never half a file. Writing straight into `path` cannot promise that.

use std::io;
use std::path::{Path, PathBuf};

use tokio::io::AsyncWriteExt;

use crate::temp_path_beside;

/// Removes the temporary file if the write is dropped (cancelled) before it is done.
struct TempFile {
    /// `Some` while the file may exist and is still ours to remove.
    path: Option<PathBuf>,
}

impl TempFile {
    /// The file is taken care of (renamed, or already removed): nothing left to do on drop.
    fn disarm(&mut self) {
        self.path = None;
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        // `Drop` cannot await: the contract allows `std::fs` here, and only here. It runs only
        // when the call was cancelled at an `.await` between creating and renaming the file.
        if let Some(path) = self.path.take() {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = temp_path_beside(path)?;
    let mut guard = TempFile {
        path: Some(temp.clone()),
    };

    let outcome: io::Result<()> = async {
        let mut file = tokio::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .await?;
        file.write_all(contents).await?;
        file.flush().await?;
        file.sync_all().await?;
        drop(file);
        tokio::fs::rename(&temp, path).await
    }
    .await;

    if outcome.is_err() {
        // The first error is the one worth returning; the file may never have been created.
        let _ = tokio::fs::remove_file(&temp).await;
    }
    // Renamed, or removed just above: no removal left for the guard. (No `.await` between the
    // rename finishing and this line, so a cancellation cannot fall in between.)
    guard.disarm();
    outcome
}
