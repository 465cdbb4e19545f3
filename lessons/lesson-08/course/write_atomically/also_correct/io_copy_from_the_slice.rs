//! Correct: the bytes are streamed into the temporary file with `tokio::io::copy` from the slice (a `&[u8]` is an AsyncRead), with the copied count checked, using the lesson library's `temp_path_beside` for the name; the rest is the usual create_new / flush / sync_all / rename with clean-up on any error.
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
//!   only within one filesystem), under a name that no other write uses at the same time:
//!   several writes at once, to different paths or to the same one, all succeed (the same
//!   `path` ends up holding all of one of them);
//! - no other file is left behind, not even when the write fails (for instance when `path` is
//!   a folder, which cannot be replaced by a file);
//! - the file work does not block the async runtime's thread, not even a quick step (a rename,
//!   a removal): `tokio::fs`, or `std::fs` inside `tokio::task::spawn_blocking`;
//! - errors are returned, never panicked: a `path` in a folder that does not exist is an `Err`
//!   of kind `NotFound`, the error of the step that failed (and the folder is not created: it
//!   is the caller's to make); a `path` that names no file (`posts/..`) is an `Err` too.
//!
//! Not checked, but expected: every byte is written (`flush`) and reaches the disk (`sync_all`)
//! before the file takes its final name; lesson 08 explains what that costs and buys.

use std::io;
use std::path::Path;

use tokio::io::AsyncWriteExt;

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    // The lesson's own helper: `.name.tmp-<pid>-<n>` in `path`'s folder, or InvalidInput.
    let temp = crate::temp_path_beside(path)?;
    let outcome = async {
        let mut file = tokio::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .await?;
        // A byte slice is an `AsyncRead`: stream it into the file the way a download would be.
        let mut source: &[u8] = contents;
        let copied = tokio::io::copy(&mut source, &mut file).await?;
        if copied != contents.len() as u64 {
            return Err(io::Error::new(
                io::ErrorKind::WriteZero,
                format!("wrote {copied} of {} bytes", contents.len()),
            ));
        }
        file.flush().await?;
        file.sync_all().await?;
        drop(file);
        tokio::fs::rename(&temp, path).await
    }
    .await;
    match outcome {
        Ok(()) => Ok(()),
        Err(err) => {
            // Best effort: the temp may not exist; the error worth returning is `err`.
            let _ = tokio::fs::remove_file(&temp).await;
            Err(err)
        }
    }
}
