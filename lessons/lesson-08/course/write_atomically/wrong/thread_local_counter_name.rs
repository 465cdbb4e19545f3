//! Wrong: breaks "under a name that no other write uses at the same time, in this program or in another: several writes at once, to different paths or to the same one, all succeed"
//! The temporary name is the process id plus a counter kept in a `thread_local!` `Cell`, not in
//! a shared `static AtomicU64`. The learner reasoned that a per-thread counter needs no atomics
//! and no shared cache line, and that tasks on one thread never interleave inside the two lines
//! that read and bump it. True on a current-thread runtime (and for `join!` inside one task),
//! so every single-task test passes. But two tasks on two worker threads of a multi-thread
//! runtime (or two runtimes on two threads of one program) both start at 0: writing the same
//! `path`, they pick the same temporary name, one `create_new` fails with `AlreadyExists`, and
//! its clean-up removes the other write's temporary file, so that write's rename fails too.

use std::cell::Cell;
use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};

use tokio::io::AsyncWriteExt;

thread_local! {
    // One counter per thread: no atomic needed, nothing shared between threads.
    static NEXT: Cell<u64> = const { Cell::new(0) };
}

/// A fresh name beside `path`: `.<name>.tmp-<pid>-<n>`.
fn temp_path_beside(path: &Path) -> io::Result<PathBuf> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        )
    })?;
    let n = NEXT.with(|next| {
        let n = next.get();
        next.set(n + 1);
        n
    });
    let mut temp = OsString::from(".");
    temp.push(name);
    temp.push(format!(".tmp-{}-{}", std::process::id(), n));
    Ok(path.with_file_name(temp))
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = temp_path_beside(path)?;
    let result = write_then_rename(&temp, path, contents).await;
    if result.is_err() {
        // The temporary file may never have been made: ignore this removal's own result.
        let _ = tokio::fs::remove_file(&temp).await;
    }
    result
}

async fn write_then_rename(temp: &Path, path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut file = tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)
        .await?;
    file.write_all(contents).await?;
    file.flush().await?;
    file.sync_all().await?;
    drop(file);
    tokio::fs::rename(temp, path).await
}
