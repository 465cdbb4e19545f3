//! Wrong: breaks "afterwards the file at `path` holds exactly `contents` (… and nothing else)": to keep the old file's permissions, as editors do, the temporary file starts as a `tokio::fs::copy` of the old `path` and is then opened for writing without `truncate(true)`, so new contents shorter than the old ones keep the old file's tail after them; a new `path`, or new contents at least as long, come out exactly right, and the hard link, symlink, folder and cleanup cases all behave.

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

async fn write_then_rename(temp: &Path, path: &Path, contents: &[u8]) -> io::Result<()> {
    // Start from a copy of the old file, so that the new one keeps its permissions (a
    // private file stays private). No old file: start from a new, empty one.
    let mut file = match tokio::fs::copy(path, temp).await {
        Ok(_) => tokio::fs::OpenOptions::new().write(true).open(temp).await?,
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            tokio::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(temp)
                .await?
        }
        Err(err) => return Err(err),
    };
    file.write_all(contents).await?;
    file.flush().await?;
    file.sync_all().await?;
    drop(file);
    tokio::fs::rename(temp, path).await
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = temp_beside(path)?;
    let written = write_then_rename(&temp, path, contents).await;
    if written.is_err() {
        let _ = tokio::fs::remove_file(&temp).await;
    }
    written
}
