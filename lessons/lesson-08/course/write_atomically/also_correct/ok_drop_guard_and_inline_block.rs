//! Correct, written another way: one function with an inline async block instead of a helper, and a guard whose `Drop` removes the temporary file (with `std::fs`, the one place the contract allows it) if the call is cancelled mid-way; the error path removes it with `tokio::fs` first and then disarms the guard, and a successful rename disarms it too. The temporary name is a suffix, `<name>.<pid>.<n>.tmp`
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

/// Removes the temporary file when dropped while still armed: the clean-up for a cancelled call.
struct TempFile {
    path: PathBuf,
    armed: bool,
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if self.armed {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let Some(name) = path.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} names no file", path.display()),
        ));
    };
    let mut temp_name = OsString::from(name);
    temp_name.push(format!(
        ".{}.{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let temp = path.with_file_name(temp_name);

    // Nothing to clean up if this fails: the file was not created (or is not ours).
    let mut file = tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .await?;
    let mut guard = TempFile {
        path: temp.clone(),
        armed: true,
    };

    let result = async {
        file.write_all(contents).await?;
        file.flush().await?;
        file.sync_all().await?;
        drop(file);
        tokio::fs::rename(&temp, path).await
    }
    .await;

    if result.is_err() {
        let _ = tokio::fs::remove_file(&temp).await;
    }
    guard.armed = false;
    result
}
