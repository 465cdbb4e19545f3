//! Correct, written another way: one function, an `async` block as the `try` (every step uses
//! `?`, its one `Result` is looked at once), `tokio::fs::File::create_new` for the temporary
//! file, and a drop guard that removes the temporary file only if the call is cancelled
//! halfway (the failure path removes it with `tokio::fs` and disarms the guard, so the guard's
//! `std::fs` never runs on an ordinary call).

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

/// Removes the temporary file when dropped while still armed: a call dropped at an `.await`.
struct RemoveOnDrop<'a> {
    path: &'a Path,
    armed: bool,
}

impl Drop for RemoveOnDrop<'_> {
    fn drop(&mut self) {
        if self.armed {
            // `Drop` cannot await: the one place `std::fs` is allowed. Best effort.
            let _ = std::fs::remove_file(self.path);
        }
    }
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = temp_beside(path)?;
    let mut guard = RemoveOnDrop {
        path: &temp,
        armed: true,
    };

    let result: io::Result<()> = async {
        let mut file = tokio::fs::File::create_new(&temp).await?;
        file.write_all(contents).await?;
        // Waits for the write handed to the blocking pool, and reports its error.
        file.flush().await?;
        file.sync_all().await?;
        drop(file);
        tokio::fs::rename(&temp, path).await
    }
    .await;

    if result.is_err() {
        // Perhaps never created: the error to return is the step's, not this one's.
        let _ = tokio::fs::remove_file(&temp).await;
    }
    // Renamed away, or removed above: nothing left for the guard to do.
    guard.armed = false;
    result
}

/// `.name.tmp-<pid>-<n>` beside `path`; `InvalidInput` when `path` names no file.
fn temp_beside(path: &Path) -> io::Result<PathBuf> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let Some(name) = path.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        ));
    };
    let mut temp = OsString::from(".");
    temp.push(name);
    temp.push(format!(
        ".tmp-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    Ok(path.with_file_name(temp))
}
