//! Wrong: breaks "is on the disk (`sync_all`) before the file takes its final name, so that a power cut cannot leave `path` empty"
//! The learner counted the trips to the blocking pool, as the chapter does, and put a tokio
//! `BufWriter` in front of the temporary `File` so that small writes are gathered into one.
//! Then they followed the shape of the Python recipe they know, `os.fsync(f.fileno())` inside
//! the `with` block and the close last: `sync_all` on the `File` (through `get_ref`), then
//! `shutdown`, which flushes the `BufWriter` and the `File` and reports any write's error.
//! The order is the bug. Contents shorter than the `BufWriter`'s 8 KiB (every post this lesson
//! saves, about 300 bytes) are still in its `Vec` when `sync_all` runs: it syncs an empty
//! file, `shutdown` then hands the bytes to the page cache only, and the rename publishes a
//! file whose data is nowhere on the disk (a power cut leaves `path` empty). Large contents
//! bypass the buffer (a write of at least its capacity goes straight to the `File`), so they
//! are synced, and a full disk's error still comes back through `shutdown`: a durability check
//! with a large file, the full-disk check and every content check pass.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::{AsyncWriteExt, BufWriter};

/// A fresh hidden name beside `path`: `.out.json.tmp-<pid>-<n>`.
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
    let temp = temp_beside(path)?;
    let result = write_then_rename(&temp, path, contents).await;
    if result.is_err() {
        // The temporary file may never have been made: the first error is the one to return.
        let _ = tokio::fs::remove_file(&temp).await;
    }
    result
}

async fn write_then_rename(temp: &Path, path: &Path, contents: &[u8]) -> io::Result<()> {
    let file = tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)
        .await?;
    // Fewer trips to the blocking pool: small writes are gathered in memory first.
    let mut writer = BufWriter::new(file);
    writer.write_all(contents).await?;
    // Onto the disk, then close (`shutdown` flushes the buffer and reports a write's error).
    writer.get_ref().sync_all().await?;
    writer.shutdown().await?;
    drop(writer);
    tokio::fs::rename(temp, path).await
}
