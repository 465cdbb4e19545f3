//! Wrong: breaks "the file work does not block the async runtime's thread, not even a quick step (a rename, a removal)"
//! Before writing anything, the learner asks whether `path` is a folder, which a file cannot
//! replace, so as not to write (and sync) a large temporary file only to see the rename fail.
//! It is careful to use `symlink_metadata`, so a link to a folder is still replaced, and every
//! real step goes through `tokio::fs`. But the look itself is `std::fs::symlink_metadata`, a
//! `stat` run on the runtime's thread: "only a stat, no data moves". It changes nothing on the
//! disk, writes no byte and takes microseconds on a local disk, so a check that watches for
//! changes, counts written bytes or times polls sees nothing; on NFS, a sleeping disk or a
//! cold cache it blocks every task on that worker for as long as the lookup takes.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

/// A fresh name beside `path`: `.<name>.tmp-<pid>-<n>`.
fn temp_path_beside(path: &Path) -> io::Result<PathBuf> {
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
    let temp = temp_path_beside(path)?;
    // Fail fast: a folder cannot be replaced by a file, so do not write a temporary file for
    // nothing. `symlink_metadata` does not follow a link: a link to a folder is replaced.
    // Any other answer (no such file yet, a missing folder) is left to the real steps below.
    if matches!(std::fs::symlink_metadata(path), Ok(metadata) if metadata.is_dir()) {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            format!("{} is a folder: a file cannot replace it", path.display()),
        ));
    }
    let result = write_then_rename(&temp, path, contents).await;
    if result.is_err() {
        // The temporary file may never have been made: ignore this removal's own result.
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
