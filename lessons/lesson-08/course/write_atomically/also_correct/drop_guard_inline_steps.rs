//! Correct, written another way: the steps run in an inline `async` block rather than a helper function, the temporary file is made with `tokio::fs::File::create_new`, and a drop guard armed before the first step removes it (with `std::fs`, the one place the contract allows it) only if the call is cancelled; an ordinary failure is cleaned up with `tokio::fs::remove_file` before the guard is disarmed.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

/// Removes the temporary file when dropped while still armed: that only happens when the
/// future of `write_atomically` is dropped halfway (a timeout, a `select!`), since every path
/// through the function disarms it before returning.
struct RemoveOnDrop {
    path: Option<PathBuf>,
}

impl RemoveOnDrop {
    fn disarm(&mut self) {
        self.path = None;
    }
}

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        if let Some(path) = self.path.take() {
            // `Drop` cannot await. The file may not exist (cancelled before it was made, or
            // already renamed): the result does not matter.
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let Some(name) = path.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        ));
    };
    let mut temp_name = OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(
        ".tmp-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let temp = path.with_file_name(temp_name);

    let mut guard = RemoveOnDrop {
        path: Some(temp.clone()),
    };
    let result: io::Result<()> = async {
        let mut file = tokio::fs::File::create_new(&temp).await?;
        file.write_all(contents).await?;
        // Waits for the write tokio's `File` still has in flight, and reports its error.
        file.flush().await?;
        file.sync_all().await?;
        drop(file);
        tokio::fs::rename(&temp, path).await
    }
    .await;
    if result.is_err() {
        // Whichever step failed, its error is the one returned; this removal may fail too
        // (the file was never made) and its result is ignored.
        let _ = tokio::fs::remove_file(&temp).await;
    }
    // Not cancelled: nothing left for the guard to do.
    guard.disarm();
    result
}
