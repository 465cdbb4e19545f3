//! Correct, written another way: one `async` block (no helper function) stands in for `finally`, and a guard whose `Drop` removes the temporary file with `std::fs` covers a cancelled call; the usual failure path still removes it with `tokio::fs` and disarms the guard, so `Drop` only ever touches the disk after a cancellation.
//!
//! Exercise 13: write a file atomically.
//!
//! `write_atomically` puts `contents` into the file at `path` so that, whatever happens
//! halfway (a crash, Ctrl-C, a full disk), `path` holds either its old contents or all of the
//! new ones: never half a file. Writing straight into `path` cannot promise that.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

/// Removes the temporary file when dropped while still armed: the only way to clean up
/// after a caller that drops (cancels) the future halfway, since `Drop` cannot await.
struct TempGuard {
    armed: Option<PathBuf>,
}

impl TempGuard {
    fn disarm(&mut self) {
        self.armed = None;
    }
}

impl Drop for TempGuard {
    fn drop(&mut self) {
        if let Some(temp) = self.armed.take() {
            // The documented exception: a `Drop` cannot await. Its result is ignored: the
            // file may never have been created.
            let _ = std::fs::remove_file(temp);
        }
    }
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);

    let Some(name) = path.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} names no file", path.display()),
        ));
    };
    let mut temp_name = OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(
        ".part-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    // Same folder as `path` (`with_file_name` keeps the parent, even an empty one for a bare
    // file name, which then means the current folder).
    let temp = path.with_file_name(temp_name);

    let mut guard = TempGuard {
        armed: Some(temp.clone()),
    };

    let result: io::Result<()> = async {
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

    if result.is_err() {
        // Off the runtime's thread; only if this await is itself cancelled does the guard
        // (still armed) do the removal.
        let _ = tokio::fs::remove_file(&temp).await;
    }
    guard.disarm();
    result
}
