//! Wrong: breaks "a `path` in a folder that does not exist is an `Err` of kind `NotFound`, the error of the step that failed": like `anyhow`'s `.context(…)` or Python's `raise … from err`, every failure is wrapped in `io::Error::other(format!("writing {path} atomically: {err}"))`, which keeps the original as its source and in its message but has kind `Other`, so a caller matching on `NotFound` never sees it; every file outcome, the cleanup, and which calls fail are exactly the reference's.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn temporary_for(path: &Path) -> io::Result<PathBuf> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(io::ErrorKind::InvalidInput, "the path does not name a file")
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

async fn write_inner(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = temporary_for(path)?;
    let result = fill_and_swap(&temp, path, contents).await;
    if result.is_err() {
        let _ = tokio::fs::remove_file(&temp).await;
    }
    result
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    // Say which file it was about: a bare "No such file or directory" helps nobody.
    write_inner(path, contents)
        .await
        .map_err(|err| io::Error::other(format!("writing {} atomically: {err}", path.display())))
}
