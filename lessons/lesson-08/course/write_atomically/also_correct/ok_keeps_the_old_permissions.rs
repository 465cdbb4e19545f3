//! Correct, written another way: besides the usual temporary file, flush, sync and rename, it gives the new file the permissions of the regular file it replaces (read through `tokio::fs::metadata`, set on the open handle with `File::set_permissions`), so a `chmod 600` file stays 600; the temporary name is built by hand from the process id and a counter.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = temp_beside(path)?;
    let result = write_then_rename(&temp, path, contents).await;
    if result.is_err() {
        // Best effort, and its own error is not the one to report.
        let _ = tokio::fs::remove_file(&temp).await;
    }
    result
}

fn temp_beside(path: &Path) -> io::Result<PathBuf> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let Some(name) = path.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} names no file", path.display()),
        ));
    };
    let mut temp = OsString::from(".");
    temp.push(name);
    temp.push(".tmp-");
    temp.push(std::process::id().to_string());
    temp.push("-");
    temp.push(COUNTER.fetch_add(1, Ordering::Relaxed).to_string());
    Ok(path.with_file_name(temp))
}

async fn write_then_rename(temp: &Path, path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut file = tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)
        .await?;
    file.write_all(contents).await?;
    file.flush().await?;
    // A replaced file keeps its mode, as `sed -i` does. Set on the open handle, so a read-only
    // mode does not stop anything: the writing is done, and the handle was opened for it.
    if let Ok(old) = tokio::fs::metadata(path).await {
        if old.is_file() {
            file.set_permissions(old.permissions()).await?;
        }
    }
    file.sync_all().await?;
    drop(file);
    tokio::fs::rename(temp, path).await
}
