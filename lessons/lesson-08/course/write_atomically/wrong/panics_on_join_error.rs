//! Wrong: breaks "errors are returned, never panicked"
//! The chapter's advice for a run of file calls, taken to the letter: the whole write
//! (create_new, write_all, sync_all, rename, and the clean-up on failure) is one plain
//! blocking function sent to `tokio::task::spawn_blocking` once. Every filesystem error comes
//! back as an `Err`, the right one. But the `JoinHandle`'s own error gets an `expect`, with the
//! learner's reasoning in its message: the closure has no `unwrap`, so it cannot panic, so a
//! `JoinError` cannot happen. It can without a panic: once the runtime is shutting down, its
//! blocking pool refuses new work and cancels the task, and the `JoinHandle` yields
//! `JoinError::Cancelled` (say, a shutdown hook that saves its state with
//! `handle.block_on(write_atomically(..))` after the runtime began to stop). There `tokio::fs`
//! returns an `Err` ("background task failed"), while this panics. No ordinary test, which
//! runs the write on a live runtime, ever reaches that line.

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// A fresh hidden name beside `path`: `.out.json.tmp-<pid>-<n>`. Pure path arithmetic: no
/// filesystem call, so it may run on the runtime's thread.
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
    // The closure runs on another thread for as long as it likes: it owns what it uses.
    let path = path.to_path_buf();
    let contents = contents.to_vec();
    tokio::task::spawn_blocking(move || {
        let written = write_then_rename(&temp, &path, &contents);
        if written.is_err() {
            // Already on a pool thread: a plain removal, its result ignored.
            let _ = std::fs::remove_file(&temp);
        }
        written
    })
    .await
    .expect("the blocking write has no unwrap, so it cannot panic")
}

/// Plain blocking code: one trip to the pool for the whole sequence.
fn write_then_rename(temp: &Path, path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)?;
    // std's `File` has no buffer of its own: when `write_all` returns, the OS has the bytes.
    file.write_all(contents)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(temp, path)
}
