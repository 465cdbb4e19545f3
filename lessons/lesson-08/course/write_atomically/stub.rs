//! Exercise 9: write a file atomically.
//!
//! `write_atomically` puts `contents` into the file at `path` so that, whatever happens
//! halfway (a crash, Ctrl-C, a full disk), `path` holds either its old contents or all of the
//! new ones: never half a file. Writing straight into `path` cannot promise that.
//!
//! The contract, which `cargo test -p lesson-08` checks:
//! - afterwards the file at `path` holds exactly `contents`, whether or not it existed before;
//! - `path` is replaced, not written into: if `path` is a symbolic link, the link itself is
//!   replaced by the new file and the file it pointed to is left untouched;
//! - no other file is left behind, not even when the write fails (for instance when `path` is
//!   a folder, which cannot be replaced by a file);
//! - errors are returned, never panicked: a `path` in a folder that does not exist is an `Err`
//!   (and the folder is not created: it is the caller's to make).
//!
//! Not checked, but expected: the bytes reach the disk (`sync_all`) before the file takes its
//! final name; lesson 08 explains what that costs and buys.

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
