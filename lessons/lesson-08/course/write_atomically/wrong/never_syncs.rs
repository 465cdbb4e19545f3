//! Wrong: breaks "every byte is written ... and reaches the disk (`sync_all`) before the file
//! takes its final name": `flush` only hands the bytes to the kernel, which may keep them in
//! memory for half a minute; a power cut after the rename leaves `path` empty.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = temporary_name(path)?;
    let result = write_and_rename(&temp, path, contents).await;
    if result.is_err() {
        // Whatever failed, the temporary file must not stay behind. Its own removal may fail
        // too (it may never have been created): the first error is the one worth returning.
        let _ = tokio::fs::remove_file(&temp).await;
    }
    result
}

/// `.name.tmp-<process id>-<counter>` in the folder of `path`: the same folder, so the rename
/// stays on one filesystem (the only place a rename is atomic), and a name no other writer
/// uses, in this process or another.
fn temporary_name(path: &Path) -> io::Result<PathBuf> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let Some(name) = path.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the path does not end in a file name",
        ));
    };
    let unique = COUNTER.fetch_add(1, Ordering::Relaxed);
    Ok(path.with_file_name(format!(
        ".{}.tmp-{}-{unique}",
        name.to_string_lossy(),
        std::process::id()
    )))
}

async fn write_and_rename(temp: &Path, path: &Path, contents: &[u8]) -> io::Result<()> {
    // `create_new` refuses a name that is already taken instead of writing into it.
    let mut file = tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)
        .await?;
    file.write_all(contents).await?;
    // tokio's `File` finishes its writes in the background: `flush` waits for them and
    // reports their errors. The rename alone is atomic, so no sync.
    file.flush().await?;
    drop(file);
    // Replaces whatever is at `path` (a file, a symlink) in one step.
    tokio::fs::rename(temp, path).await
}
