//! Wrong: breaks "If `path` is a symbolic link, the link itself is replaced by the new file, and the file it points to is left untouched"
//! To fail early on "a `path` that is a folder, which a file cannot replace", before writing a
//! possibly large temporary file for nothing, it first asks `tokio::fs::metadata(path)`, and
//! returns `IsADirectory` (the same kind the rename would give) when it is a folder. But
//! `metadata` follows symbolic links: a `path` that is a link to a folder is refused instead of
//! having the link replaced by the new file. Links to files, dangling links, missing paths and
//! real folders all behave as the contract says; the learner reached for `metadata` because
//! it is the call that answers "is it a folder?".

use std::ffi::OsString;
use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let Some(name) = path.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        ));
    };
    // A folder cannot be replaced by a file: say so now rather than after writing everything.
    // (A missing `path`, or one we cannot look at, is for the write itself to deal with.)
    if tokio::fs::metadata(path)
        .await
        .is_ok_and(|metadata| metadata.is_dir())
    {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            format!("{} is a folder, a file cannot replace it", path.display()),
        ));
    }
    let mut temp_name = OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(
        ".tmp-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let temp = path.with_file_name(temp_name);
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
