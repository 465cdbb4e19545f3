//! Wrong: breaks "if `path` is a symbolic link, the link itself is replaced by the new file, and the file it points to is left untouched": like many editors, it resolves the link with `read_link` first and atomically replaces the file the link points to (temporary file beside the target, rename over the target), so the link survives and its target is overwritten.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

static NEXT: AtomicU64 = AtomicU64::new(0);

/// Where the bytes should really go: through a symbolic link to its target, so that the link
/// keeps pointing at the (new) file instead of being turned into a plain file.
async fn resolve(path: &Path) -> PathBuf {
    match tokio::fs::read_link(path).await {
        // A relative target is relative to the link's folder; an absolute one replaces it.
        Ok(target) => match path.parent() {
            Some(folder) => folder.join(target),
            None => target,
        },
        // Not a link (or not there yet): write to `path` itself.
        Err(_) => path.to_path_buf(),
    }
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let path = resolve(path).await;
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        )
    })?;
    let mut temp_name = OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(
        ".tmp-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let temp = path.with_file_name(temp_name);

    let written = write_then_rename(&temp, &path, contents).await;
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
