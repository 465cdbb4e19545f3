//! Wrong: breaks "the new contents go to a temporary file in the same folder as `path`": the temporary name is built from `path.display()`, a lossy UTF-8 rendering of the whole path, so when a folder on the way has a name that is not UTF-8 (`caf\xe9/out.json`) the temporary file is made under `caf\u{FFFD}/`, another folder (the write fails with `NotFound`, or the rename crosses into a folder that happens to exist); for UTF-8 paths, and for a non-UTF-8 file name in a UTF-8 folder, it is right: unique name beside `path`, `create_new`, sync, one rename, cleanup on every failure, async calls only.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    // `posts/..` or `/` names no file: nothing to write to.
    if path.file_name().is_none() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        ));
    }
    // Right beside the destination, so on the same filesystem: `out.json.tmp-<pid>-<n>`. The
    // process id and the counter keep it ours alone.
    let temp = PathBuf::from(format!(
        "{}.tmp-{}-{}",
        path.display(),
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let written = write_then_rename(&temp, path, contents).await;
    if written.is_err() {
        let _ = tokio::fs::remove_file(&temp).await;
    }
    written
}

async fn write_then_rename(temp: &Path, path: &Path, contents: &[u8]) -> io::Result<()> {
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
