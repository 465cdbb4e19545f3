//! Correct, written another way: an `async` block stands in for the helper function (a try-block whose `?`s all end in one `Result`), the temporary name is built inline from the file name, the process id and a shared counter, and a guard whose `Drop` (std::fs, the allowed exception) removes the temporary file only if the call is cancelled; failures are cleaned up with an awaited `tokio::fs::remove_file`.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

static NEXT_TEMP: AtomicU64 = AtomicU64::new(0);

/// Armed while the temporary file may exist and nobody else will remove it: only a cancelled
/// call (the future dropped at an `.await`) reaches `Drop` armed.
struct CancelGuard {
    temp: PathBuf,
    armed: bool,
}

impl Drop for CancelGuard {
    fn drop(&mut self) {
        if self.armed {
            // Drop cannot await: the one place std::fs is allowed. Its result does not matter.
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let Some(name) = path.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        ));
    };
    let mut temp_name = OsString::from(".");
    temp_name.push(name);
    temp_name.push(".tmp-");
    temp_name.push(std::process::id().to_string());
    temp_name.push("-");
    temp_name.push(NEXT_TEMP.fetch_add(1, Ordering::Relaxed).to_string());
    let temp = path.with_file_name(temp_name);

    let mut guard = CancelGuard {
        temp: temp.clone(),
        armed: true,
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
        // Cleaned up here, off the runtime thread; the guard stays armed until this is done,
        // in case the call is cancelled during the removal itself.
        let _ = tokio::fs::remove_file(&temp).await;
    }
    guard.armed = false;
    result
}
