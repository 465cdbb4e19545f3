//! Wrong: breaks "under a name that no other write uses at the same time: several writes at once, to different paths or to the same one, all succeed": the counter in the temporary name is a `thread_local!`, so two writes to the same `path` started on two worker threads of a multi-threaded runtime both get `.name.tmp-<pid>-0` (and so on), and the second one's `create_new` fails with `AlreadyExists`; on a single-threaded runtime, or one write at a time, it is right: same folder, write, flush, sync, rename, cleanup, and nothing blocks the runtime.

use std::cell::Cell;
use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};

use tokio::io::AsyncWriteExt;

thread_local! {
    // No atomics needed: each thread counts on its own, so no two of its writes share a name.
    static NEXT_TEMP: Cell<u64> = const { Cell::new(0) };
}

/// `.name.tmp-<pid>-<n>`, beside `path`.
fn temp_name(path: &Path) -> io::Result<PathBuf> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        )
    })?;
    let n = NEXT_TEMP.with(|next| {
        let n = next.get();
        next.set(n + 1);
        n
    });
    let mut temp = OsString::from(".");
    temp.push(name);
    temp.push(format!(".tmp-{}-{n}", std::process::id()));
    Ok(path.with_file_name(temp))
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = temp_name(path)?;
    let result = write_and_rename(&temp, path, contents).await;
    if result.is_err() {
        // The temporary file may not even exist; the first error is the one to report.
        let _ = tokio::fs::remove_file(&temp).await;
    }
    result
}

async fn write_and_rename(temp: &Path, path: &Path, contents: &[u8]) -> io::Result<()> {
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
