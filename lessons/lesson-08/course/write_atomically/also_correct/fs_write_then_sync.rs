//! Right: writes the temporary file `.<name>.<pid>.<n>.new` (beside `path`) in one `tokio::fs::write` (a whole `std::fs::write` on the blocking pool, so nothing to flush), then reopens it for writing only to `sync_all` it, renames it over `path`, and cleans up with a `match` on an inline `async` block's result, keeping the first error.

use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

static NEXT: AtomicU64 = AtomicU64::new(0);

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let Some(name) = path.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        ));
    };
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(
        ".{}.{}.new",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let temp = path.with_file_name(temp_name);

    let steps = async {
        // The counter makes the name ours alone, so creating (or truncating) it is safe.
        tokio::fs::write(&temp, contents).await?;
        // Opened for writing so that `sync_all` works on every platform.
        tokio::fs::OpenOptions::new()
            .write(true)
            .open(&temp)
            .await?
            .sync_all()
            .await?;
        tokio::fs::rename(&temp, path).await
    };
    match steps.await {
        Ok(()) => Ok(()),
        Err(err) => {
            let _ = tokio::fs::remove_file(&temp).await;
            Err(err)
        }
    }
}
