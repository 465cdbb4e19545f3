//! Correct, written another way: the temporary name mixes the process id, a counter and the clock's nanoseconds, and is claimed with `create_new` in a loop that takes the next name if one is already taken; the bytes go in with `write_all_buf` over the slice as a `Buf`, and the write-then-rename is an inline `async` block whose result decides the clean-up.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use tokio::io::AsyncWriteExt;

static SERIAL: AtomicU64 = AtomicU64::new(0);

/// A candidate name beside `path`: `.name.<pid>.<serial>.<nanos>.partial`.
fn candidate(path: &Path) -> io::Result<PathBuf> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        )
    })?;
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|since| since.subsec_nanos())
        .unwrap_or(0);
    let mut temp = OsString::from(".");
    temp.push(name);
    temp.push(format!(
        ".{}.{}.{nanos}.partial",
        std::process::id(),
        SERIAL.fetch_add(1, Ordering::Relaxed)
    ));
    Ok(path.with_file_name(temp))
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    // Claim a name of our own. A clash is next to impossible (a leftover of a killed run that
    // had the same pid), but if it happens, take the next name rather than fail.
    let mut clashes = 0;
    let (temp, mut file) = loop {
        let temp = candidate(path)?;
        let opened = tokio::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .await;
        match opened {
            Ok(file) => break (temp, file),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists && clashes < 8 => clashes += 1,
            // Nothing was created: nothing to clean up (a missing folder is a NotFound here).
            Err(err) => return Err(err),
        }
    };

    let outcome = async {
        let mut rest: &[u8] = contents;
        file.write_all_buf(&mut rest).await?;
        file.flush().await?;
        file.sync_all().await?;
        drop(file);
        tokio::fs::rename(&temp, path).await
    }
    .await;

    if outcome.is_err() {
        let _ = tokio::fs::remove_file(&temp).await;
    }
    outcome
}
