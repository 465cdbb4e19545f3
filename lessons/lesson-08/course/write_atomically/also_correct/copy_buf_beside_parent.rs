//! Right: builds the temporary path from `path.parent()` (an empty parent, as in `out.json`, is the current folder) joined with `<name>~<pid>.<n>.tmp`, streams the bytes in with `tokio::io::copy_buf` from a `&[u8]` reader (whole 2 MiB chunks, flushed at the end) instead of `write_all`, syncs, renames, and cleans up in a `match` on the result (best effort, the first error returned).

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::io::AsyncWriteExt;

static WRITES: AtomicUsize = AtomicUsize::new(0);

/// `<folder>/<name>~<pid>.<n>.tmp`, beside `path`.
fn temporary_for(path: &Path) -> io::Result<PathBuf> {
    let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        ));
    };
    let mut temp_name = OsString::from(name);
    temp_name.push(format!(
        "~{}.{}.tmp",
        std::process::id(),
        WRITES.fetch_add(1, Ordering::Relaxed)
    ));
    Ok(folder.join(temp_name))
}

async fn fill_and_swap(temp: &Path, path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut file = tokio::fs::File::options()
        .write(true)
        .create_new(true)
        .open(temp)
        .await?;
    let mut reader: &[u8] = contents;
    let copied = tokio::io::copy_buf(&mut reader, &mut file).await?;
    debug_assert_eq!(copied, contents.len() as u64);
    // `copy_buf` flushed already; a second flush is free and makes it explicit.
    file.flush().await?;
    file.sync_all().await?;
    drop(file);
    tokio::fs::rename(temp, path).await
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = temporary_for(path)?;
    match fill_and_swap(&temp, path, contents).await {
        Ok(()) => Ok(()),
        Err(err) => {
            // Best effort, and `NotFound` (the open failed, nothing was created) is expected:
            // the error worth returning is the first one.
            let _ = tokio::fs::remove_file(&temp).await;
            Err(err)
        }
    }
}
