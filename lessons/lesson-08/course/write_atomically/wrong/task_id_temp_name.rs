//! Wrong: breaks "under a name that no other write uses at the same time: several writes at once, to different paths or to the same one, all succeed": the temporary name is the file name plus the process id and the current tokio task's id (none outside a task), so two writes to the same path running at once in one task (`join!`, `join_all`, or the test's own `block_on`) claim the same temporary file and one of them fails (and its clean-up removes the other's file); writes in separate spawned tasks, and everything else (same folder, create_new, flush, sync, rename, clean-up, tokio::fs, errors) are right.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};

use tokio::io::AsyncWriteExt;

/// `.name.tmp-<pid>-<task>` beside `path`. A thread id would be wrong in async code (a task
/// can hop between threads, and one thread runs many tasks); the task id is what tells two
/// writes apart.
fn temp_path(path: &Path) -> io::Result<PathBuf> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        )
    })?;
    let task = tokio::task::try_id()
        .map(|id| id.to_string())
        .unwrap_or_else(|| "main".to_owned());
    let mut temp = OsString::from(".");
    temp.push(name);
    temp.push(format!(".tmp-{}-{task}", std::process::id()));
    Ok(path.with_file_name(temp))
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = temp_path(path)?;
    let result = write_then_rename(&temp, path, contents).await;
    if result.is_err() {
        // Best effort: the error worth returning is the first one.
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
