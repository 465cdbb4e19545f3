//! Wrong: breaks "the new contents go to a temporary file in the same folder as `path`"
//! The temporary name is built as a string, `format!("{}.tmp-<pid>-<n>", path.display())`,
//! the way one would in Python (`f"{path}.tmp"`). `display()` is lossy: a folder whose name
//! is not UTF-8 comes out with U+FFFD in it, so the temporary file is aimed at another folder
//! (usually one that does not exist: the write fails with `NotFound` although `path`'s folder
//! exists; if it does exist, the file goes there, not beside `path`). With the usual ASCII
//! paths, relative ones, bare names, and even a non-UTF-8 *file* name (the lossy temp name
//! still lands in the right folder), everything works.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    if path.file_name().is_none() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        ));
    }
    // `out.json` -> `out.json.tmp-<pid>-<n>`: same folder, a name of its own.
    let temp = PathBuf::from(format!(
        "{}.tmp-{}-{}",
        path.display(),
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let result = write_then_rename(&temp, path, contents).await;
    if result.is_err() {
        let _ = tokio::fs::remove_file(&temp).await;
    }
    result
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
