//! Wrong: breaks "the file work does not block the async runtime's thread": the temporary file is opened and renamed with `tokio::fs`, but to avoid tokio's 2 MiB-at-a-time hand-offs the bytes are written and synced through `file.into_std().await` with `std::io::Write::write_all` and `sync_all`, i.e. the whole (possibly large) write and the fsync run on the runtime's worker thread, not in `spawn_blocking`.

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

static NEXT: AtomicU64 = AtomicU64::new(0);

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
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

    let written = write_then_rename(&temp, path, contents).await;
    if written.is_err() {
        let _ = tokio::fs::remove_file(&temp).await;
    }
    written
}

async fn write_then_rename(temp: &Path, path: &Path, contents: &[u8]) -> io::Result<()> {
    let file = tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)
        .await?;
    // tokio's `File` copies every write into its own buffer and sends it to the blocking pool
    // 2 MiB at a time; the std handle writes straight from `contents`, in one go, and its
    // `write_all` returns only when the OS has every byte, so no `flush` is needed.
    let mut file = file.into_std().await;
    file.write_all(contents)?;
    file.sync_all()?;
    drop(file);
    tokio::fs::rename(temp, path).await
}
