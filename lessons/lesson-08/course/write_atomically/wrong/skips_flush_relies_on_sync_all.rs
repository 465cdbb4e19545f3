//! Wrong: breaks "whatever happens halfway (... a full disk), path holds either its old contents or all of the new ones": it calls `sync_all` but skips `flush`, reasoning that a sync is a stronger flush; tokio's `sync_all` waits for the write still in flight but swallows its error, so a full disk that refuses the last bytes goes unreported, the short temporary file is renamed over `path`, and the call returns Ok
//!
//! Exercise 13: write a file atomically.
//!
//! `write_atomically` puts `contents` into the file at `path` so that, whatever happens
//! halfway (a crash, Ctrl-C, a full disk), `path` holds either its old contents or all of the
//! new ones: never half a file. Writing straight into `path` cannot promise that.
//!
//! The contract, which `cargo test -p lesson-08` checks:
//! - afterwards the file at `path` holds exactly `contents` (all of it, however large, and
//!   nothing else), whether or not it existed before; `path` may be relative, even a bare file
//!   name (`out.json`: a file in the current folder);
//! - `path` is replaced, not written into: until the final step it holds its old contents,
//!   after it all of the new ones, and at no moment is it missing, empty or half-written; a
//!   `path` that did not exist appears only once it holds all of `contents`. If
//!   `path` is a symbolic link, the link itself is replaced by the new file, and the file it
//!   points to is left untouched;
//! - the new contents go to a temporary file in the same folder as `path` (a rename is atomic
//!   only within one filesystem), under a name that no other write uses at the same time, in
//!   this program or in another: several writes at once, to different paths or to the same
//!   one, all succeed (the same `path` ends up holding all of one of them);
//! - no other file is left behind, not even when the write fails, whichever step fails (a full
//!   disk that refuses bytes, or a `path` that is a folder, which a file cannot replace);
//! - the file work does not block the async runtime's thread, not even a quick step (a rename,
//!   a removal): `tokio::fs`, or `std::fs` inside `tokio::task::spawn_blocking`. One exception:
//!   a guard's `Drop`, which cannot await, may remove the temporary file with `std::fs` (the
//!   way to clean up after a call that is cancelled);
//! - errors are returned, never panicked: a `path` in a folder that does not exist is an `Err`
//!   of kind `NotFound`, the error of the step that failed (and the folder is not created: it
//!   is the caller's to make); a `path` that names no file (`posts/..`) is an `Err` too.
//!
//! Not checked, but expected: every byte is written (`flush`) and reaches the disk (`sync_all`)
//! before the file takes its final name; lesson 08 explains what that costs and buys.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

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

async fn write_then_rename(temp: &Path, path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut file = tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)
        .await?;
    file.write_all(contents).await?;
    // `sync_all` waits until the disk has everything, which covers what `flush` would do.
    file.sync_all().await?;
    drop(file);
    tokio::fs::rename(temp, path).await
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = temp_beside(path)?;
    let written = write_then_rename(&temp, path, contents).await;
    if written.is_err() {
        let _ = tokio::fs::remove_file(&temp).await;
    }
    written
}
