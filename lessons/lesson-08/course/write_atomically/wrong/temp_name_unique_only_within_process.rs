//! Wrong: breaks "the new contents go to a temporary file ... under a name that no other write uses at the same time: several writes at once, to different paths or to the same one, all succeed": the temporary name is `.<name>.tmp-<counter>` with a per-process counter and no process id, so two programs writing the same `path` at once both pick `.<name>.tmp-0` and one of them fails (`create_new`: AlreadyExists) or removes the other's file.
//!
//! Exercise 13: write a file atomically. (A learner's reasoning: "a static counter makes every
//! name unique", forgetting that every process starts its counter at 0.)

use std::ffi::OsString;
use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        )
    })?;
    let mut temp_name = OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(".tmp-{}", NEXT.fetch_add(1, Ordering::Relaxed)));
    let temp = path.with_file_name(temp_name);

    let written = write_then_rename(&temp, path, contents).await;
    if written.is_err() {
        let _ = tokio::fs::remove_file(&temp).await;
    }
    written
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
