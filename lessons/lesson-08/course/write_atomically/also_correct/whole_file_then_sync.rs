//! Correct, another way: `tokio::fs::write` makes the whole temporary file in one call, a
//! second handle syncs it, and a `match` on the result does the cleanup.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    static WRITES: AtomicU64 = AtomicU64::new(0);
    let Some(name) = path.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the path names no file",
        ));
    };
    let temp: PathBuf = path.with_file_name(format!(
        "{}.{}.{}.partial",
        name.to_string_lossy(),
        std::process::id(),
        WRITES.fetch_add(1, Ordering::Relaxed)
    ));
    match write_synced(&temp, contents).await {
        Ok(()) => {}
        Err(err) => {
            let _ = tokio::fs::remove_file(&temp).await;
            return Err(err);
        }
    }
    match tokio::fs::rename(&temp, path).await {
        Ok(()) => Ok(()),
        Err(err) => {
            let _ = tokio::fs::remove_file(&temp).await;
            Err(err)
        }
    }
}

async fn write_synced(temp: &Path, contents: &[u8]) -> io::Result<()> {
    tokio::fs::write(temp, contents).await?;
    tokio::fs::OpenOptions::new()
        .write(true)
        .open(temp)
        .await?
        .sync_all()
        .await
}
