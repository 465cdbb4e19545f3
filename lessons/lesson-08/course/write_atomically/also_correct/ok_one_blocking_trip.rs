//! Correct, written another way: the whole job is one `std::fs` function run inside a single `tokio::task::spawn_blocking` (owning copies of the path and the bytes), with a temporary name built from the pid, a global atomic counter and the clock's nanoseconds, no leading dot and a `.partial` suffix, and a `JoinError` turned into an `io::Error` instead of a panic.

use std::ffi::OsString;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let path = path.to_path_buf();
    let contents = contents.to_vec();
    tokio::task::spawn_blocking(move || replace_blocking(&path, &contents))
        .await
        .map_err(io::Error::other)?
}

/// `name.<pid>-<n>-<nanos>.partial`, in the same folder as `path`.
fn partial_name(path: &Path) -> io::Result<PathBuf> {
    static WRITES: AtomicU64 = AtomicU64::new(0);
    let Some(name) = path.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} has no file name to write", path.display()),
        ));
    };
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.subsec_nanos());
    let mut partial = OsString::from(name);
    partial.push(format!(
        ".{}-{}-{nanos}.partial",
        std::process::id(),
        WRITES.fetch_add(1, Ordering::Relaxed)
    ));
    Ok(path.with_file_name(partial))
}

/// Plain blocking code, run on tokio's blocking pool.
fn replace_blocking(path: &Path, contents: &[u8]) -> io::Result<()> {
    let partial = partial_name(path)?;
    let steps = || -> io::Result<()> {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&partial)?;
        file.write_all(contents)?;
        file.flush()?;
        file.sync_all()?;
        drop(file);
        fs::rename(&partial, path)
    };
    match steps() {
        Ok(()) => Ok(()),
        Err(err) => {
            // Whatever step failed, the partial file must not stay behind.
            let _ = fs::remove_file(&partial);
            Err(err)
        }
    }
}
