//! Correct, written another way: after the rename it also opens the folder with `tokio::fs::File::open` and `sync_all`s it (best effort, its failure ignored), so the rename itself survives a power cut; the folder of a bare name is taken as `.`.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

/// `.<name>.tmp-<pid>-<n>` beside `path`.
fn temp_beside(path: &Path) -> io::Result<PathBuf> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let Some(name) = path.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        ));
    };
    let mut temp = OsString::from(".");
    temp.push(name);
    temp.push(format!(
        ".tmp-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    Ok(path.with_file_name(temp))
}

/// The folder `path` is in: `.` for a bare file name.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    }
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = temp_beside(path)?;
    if let Err(err) = write_then_rename(&temp, path, contents).await {
        let _ = tokio::fs::remove_file(&temp).await;
        return Err(err);
    }
    // The new contents are under `path` now. Syncing the folder makes the rename itself
    // durable (Unix); it is extra safety, so a folder that cannot be synced is not an error.
    if let Ok(folder) = tokio::fs::File::open(folder_of(path)).await {
        let _ = folder.sync_all().await;
    }
    Ok(())
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
