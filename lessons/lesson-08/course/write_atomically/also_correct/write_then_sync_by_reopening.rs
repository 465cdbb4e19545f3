//! Correct, written another way: `tokio::fs::write` puts the bytes in the temporary file in one
//! call (it returns only once `std::fs::write` has written them all, on the blocking pool, so
//! nothing is left unreported for a `flush`), then the file is opened again and `sync_all`ed
//! (on Linux `fsync` syncs the file, whichever descriptor asks), then renamed; the failure path
//! is one `match` on the result of an `async` block that chains the three steps with `?`. The
//! temporary name is the lesson's: hidden, beside `path`, process id plus a `fetch_add` counter.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = temp_beside(path)?;
    let steps = async {
        // Every byte, or the error of the write that refused them (a full disk).
        tokio::fs::write(&temp, contents).await?;
        // On the disk before the name moves: a power cut cannot leave `path` empty.
        tokio::fs::File::open(&temp).await?.sync_all().await?;
        // The one step that touches `path`.
        tokio::fs::rename(&temp, path).await
    };
    match steps.await {
        Ok(()) => Ok(()),
        Err(err) => {
            // Whichever step failed; the temporary file may not exist, so ignore this result.
            let _ = tokio::fs::remove_file(&temp).await;
            Err(err)
        }
    }
}

/// `.name.tmp-<pid>-<n>` in the same folder as `path`, or `InvalidInput` when `path` names no
/// file (`posts/..`).
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
