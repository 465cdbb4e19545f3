//! Wrong: breaks "no other file is left behind, not even when the write fails": the clean-up guard's `Drop` hands the removal to a `tokio::spawn`ed task (so as not to block the runtime with `std::fs`), so the call returns its `Err` while the temporary file still exists, and if the runtime shuts down first the task never runs and the file stays for good.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

fn temp_beside(path: &Path) -> io::Result<PathBuf> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        )
    })?;
    let mut temp = OsString::from(".");
    temp.push(name);
    temp.push(format!(
        ".tmp-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    Ok(path.with_file_name(temp))
}

/// Removes the temporary file unless disarmed: covers every `?` below, and cancellation too.
struct TempGuard(Option<PathBuf>);

impl TempGuard {
    fn disarm(&mut self) {
        self.0 = None;
    }
}

impl Drop for TempGuard {
    fn drop(&mut self) {
        if let Some(temp) = self.0.take() {
            // Drop cannot await, and std::fs would block the runtime thread: let a task do it.
            if let Ok(handle) = tokio::runtime::Handle::try_current() {
                handle.spawn(async move {
                    let _ = tokio::fs::remove_file(&temp).await;
                });
            }
        }
    }
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = temp_beside(path)?;
    let mut guard = TempGuard(Some(temp.clone()));
    let mut file = tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .await?;
    file.write_all(contents).await?;
    file.flush().await?;
    file.sync_all().await?;
    drop(file);
    tokio::fs::rename(&temp, path).await?;
    guard.disarm();
    Ok(())
}
