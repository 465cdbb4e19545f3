//! Wrong: breaks "under a name that no other write uses at the same time, in this program or in another: several writes at once, to different paths or to the same one, all succeed"
//! The temporary name is `.name.tmp-<pid>-<address of contents>`: the process id tells
//! programs apart, and the learner reasons that "the buffer being written lives at its own
//! address for as long as the write is in flight", so no `static` counter is needed. That holds
//! for writes of different buffers, which is what a quick concurrency test uses (each write its
//! own `Vec`). But two writes at once *of the same bytes* to the same `path` (one shared `&data`
//! written by several tasks, a retry racing the original, or any two empty slices, which all
//! share one dangling address) get the same name: the second `create_new` fails with
//! `AlreadyExists`, and its clean-up then removes the first write's temporary file, so the
//! first write's rename fails with `NotFound` too.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};

use tokio::io::AsyncWriteExt;

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = temp_beside(path, contents)?;
    let result = write_then_rename(&temp, path, contents).await;
    if result.is_err() {
        let _ = tokio::fs::remove_file(&temp).await;
    }
    result
}

/// A name beside `path` that is unique while this write runs: the process, and the buffer it
/// writes (a buffer borrowed for the whole write cannot be at the same address as another).
fn temp_beside(path: &Path, contents: &[u8]) -> io::Result<PathBuf> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        )
    })?;
    let mut temp = OsString::from(".");
    temp.push(name);
    temp.push(format!(
        ".tmp-{}-{:x}",
        std::process::id(),
        contents.as_ptr() as usize
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
    file.flush().await?;
    file.sync_all().await?;
    drop(file);
    tokio::fs::rename(temp, path).await
}
