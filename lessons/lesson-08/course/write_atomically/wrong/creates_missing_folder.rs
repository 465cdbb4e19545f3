//! Wrong: breaks "a `path` in a folder that does not exist is an `Err` of kind `NotFound` ... (and the folder is not created: it is the caller's to make)": like Python's `os.makedirs(folder, exist_ok=True)`, it runs `tokio::fs::create_dir_all` on `path`'s parent first, so a missing folder is silently created and the write succeeds.

use std::ffi::OsString;
use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

static NEXT: AtomicU64 = AtomicU64::new(0);

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        )
    })?;
    // The temporary file goes beside `path`, so that folder has to be there first.
    if let Some(folder) = path.parent() {
        if !folder.as_os_str().is_empty() {
            tokio::fs::create_dir_all(folder).await?;
        }
    }
    let mut temp_name = OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(
        ".tmp-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let temp = path.with_file_name(temp_name);

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
