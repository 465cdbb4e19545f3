//! Correct, written another way: the temporary name puts the process id and counter first (`.tmp-<pid>-<n>-out.json`), a guard removes the temporary file with `std::fs` only if the call is cancelled (dropped mid-way), while the ordinary error path removes it with `tokio::fs` and disarms the guard.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

/// Removes the temporary file when dropped while still armed: the clean-up after a call that
/// was cancelled at an `.await`, where no later line of the function runs.
struct TempGuard {
    path: Option<PathBuf>,
}

impl TempGuard {
    /// The call is over and has dealt with the file itself.
    fn disarm(&mut self) {
        self.path = None;
    }
}

impl Drop for TempGuard {
    fn drop(&mut self) {
        if let Some(path) = self.path.take() {
            // `Drop` cannot await: the one place where `std::fs` is the tool.
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
    let mut temp_name = OsString::from(format!(
        ".tmp-{}-{}-",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    temp_name.push(name);
    let temp = path.with_file_name(temp_name);

    let mut guard = TempGuard {
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
        let _ = tokio::fs::remove_file(&temp).await;
    }
    guard.disarm();
    outcome
}
