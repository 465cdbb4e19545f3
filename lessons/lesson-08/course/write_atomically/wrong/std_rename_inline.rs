//! Wrong: breaks "the file work does not block the async runtime's thread: `tokio::fs`, or `std::fs` inside `tokio::task::spawn_blocking`": open, write, flush and sync go through `tokio::fs`, but the last step, `std::fs::rename` (and the cleanup's `std::fs::remove_file`), is called straight in the `async fn` ("a rename only updates a directory entry: microseconds, not worth a trip to the pool"), blocking the worker thread for as long as the filesystem takes (a network or busy disk); every poll is short on a local disk.

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

async fn write_temp(temp: &Path, contents: &[u8]) -> io::Result<()> {
    let mut file = tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)
        .await?;
    file.write_all(contents).await?;
    file.flush().await?;
    file.sync_all().await
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = temp_beside(path)?;
    // The slow part, the bytes and the sync, on the blocking pool; the rename is a single
    // metadata update, cheaper than the hand-off to another thread and back.
    let done = match write_temp(&temp, contents).await {
        Ok(()) => std::fs::rename(&temp, path),
        Err(err) => Err(err),
    };
    if done.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    done
}
