//! Correct, written another way: `tokio::io::copy_buf` pours the slice (itself an
//! `AsyncBufRead`) into the temporary file and flushes it at the end, so the last write's
//! error (a full disk) comes back from it, before an explicit `flush` and `sync_all`; the
//! clean-up hangs on the write-and-rename future with `futures::TryFutureExt::or_else` (it runs
//! only on an `Err`, removes the temporary file with `tokio::fs`, ignores that result and
//! passes the first error on), in place of an `if result.is_err()`; and the temporary name is
//! joined onto `path.parent()` (`""` for a bare file name, so it lands in the current folder).

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use futures::TryFutureExt;
use tokio::io::AsyncWriteExt;

/// How many temporary names this program has handed out: with the process id, a name that no
/// other write uses, here or in another program.
static TEMP_NAMES: AtomicU64 = AtomicU64::new(0);

/// `<folder>/.<name>.tmp-<pid>-<n>`, or `InvalidInput` when `path` names no file (`posts/..`).
fn temp_name_beside(path: &Path) -> io::Result<PathBuf> {
    let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        ));
    };
    let mut temp = OsString::with_capacity(name.len() + 32);
    temp.push(".");
    temp.push(name);
    temp.push(format!(
        ".tmp-{}-{}",
        std::process::id(),
        TEMP_NAMES.fetch_add(1, Ordering::Relaxed)
    ));
    Ok(folder.join(temp))
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp_buf = temp_name_beside(path)?;
    let temp: &Path = &temp_buf;
    fill_then_rename(temp, path, contents)
        .or_else(|first_error| async move {
            // Perhaps never created: this removal's own result does not matter.
            let _ = tokio::fs::remove_file(temp).await;
            Err::<(), io::Error>(first_error)
        })
        .await
}

async fn fill_then_rename(temp: &Path, path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut file = tokio::fs::File::options()
        .write(true)
        .create_new(true)
        .open(temp)
        .await?;
    let mut unwritten: &[u8] = contents;
    tokio::io::copy_buf(&mut unwritten, &mut file).await?;
    file.flush().await?;
    file.sync_all().await?;
    drop(file);
    tokio::fs::rename(temp, path).await
}
