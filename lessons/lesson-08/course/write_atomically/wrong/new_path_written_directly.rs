//! Wrong: breaks "a `path` that did not exist appears only once it holds all of `contents`": reasoning that atomicity only protects old contents, it writes a `path` that does not exist yet (nothing under that name, not even a link) straight into place with `tokio::fs::write` and removes it if that fails, and keeps the temporary-file-and-rename route for a `path` that exists; so a new `path` is visible empty, then half-written, while the write runs (and two writes of the same new `path` at once write into one file); every existing `path`, folders, symlinks, missing folders and cleanup behave like the reference.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn temporary_for(path: &Path) -> io::Result<PathBuf> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        )
    })?;
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    Ok(path.with_file_name(format!(
        ".{}.tmp-{}-{}",
        name.to_string_lossy(),
        std::process::id(),
        n
    )))
}

async fn fill_and_swap(temp: &Path, path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut file = tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)
        .await?;
    file.write_all(contents).await?;
    file.flush().await?;
    file.sync_all().await?;
    drop(file);
    tokio::fs::rename(temp, path).await
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    // Is there anything under this name (a symbolic link counts, even a dangling one)?
    let exists = match tokio::fs::symlink_metadata(path).await {
        Ok(_) => true,
        Err(err) if err.kind() == io::ErrorKind::NotFound => false,
        Err(err) => return Err(err),
    };
    if !exists {
        // No old contents to protect: a failed write just removes what it started.
        let result = tokio::fs::write(path, contents).await;
        if result.is_err() {
            let _ = tokio::fs::remove_file(path).await;
        }
        return result;
    }

    let temp = temporary_for(path)?;
    let result = fill_and_swap(&temp, path, contents).await;
    if result.is_err() {
        let _ = tokio::fs::remove_file(&temp).await;
    }
    result
}
