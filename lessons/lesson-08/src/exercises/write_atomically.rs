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
//!   is the caller's to make); a `path` that names no file (`posts/..`) is an `Err` too. The
//!   error returned is always the one of the step that failed, never one of the cleanup after
//!   it (a removal of a temporary file that was never made fails too: ignore its result);
//! - every byte is written (`flush`, which also reports a write's error that tokio's `File` has
//!   not reported yet, as on a full disk) and is on the disk (`sync_all`) before the file takes
//!   its final name, so that a power cut cannot leave `path` empty; lesson 08 explains what that
//!   costs and buys. (Where a byte is, in memory or on the disk, only some file systems tell:
//!   the checks see it on Linux, with `filefrag`, on most disks, but not on a RAM disk.)

use std::io;
use std::path::Path;

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    // TODO: write `contents` to a new temporary file beside `path`, sync it, rename it over
    // `path`; if anything fails, remove the temporary file and return the error.
    // Delete the next line: it only keeps the compiler from warning about unused arguments.
    let _ = (path, contents);
    todo!()
}
