//! Wrong: breaks "the new contents go to a temporary file in the same folder as `path`": when `path` already exists it is canonicalized first (to be on "the real file's" filesystem), so for a symbolic link the temporary file is made in the folder of the file the link points to, possibly another folder or filesystem, where the rename over `path` is no longer guaranteed to work or be atomic.

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

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    if path.file_name().is_none() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        ));
    }
    // A rename is atomic only within one filesystem: make the temporary file where the
    // existing file really lives (a new file has nowhere else to be: keep `path`).
    let real = match tokio::fs::canonicalize(path).await {
        Ok(real) => real,
        Err(_) => path.to_path_buf(),
    };
    let temp = temp_beside(&real)?;
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
    // Rename onto `path` itself, so a link is replaced, not followed.
    tokio::fs::rename(temp, path).await
}
