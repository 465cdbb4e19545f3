//! Correct, written another way: it opens the temporary file with `tokio::fs::File::create_new`, writes through a `tokio::io::BufWriter` (whose `flush` empties its buffer and waits for the file's own write), takes the file back with `into_inner` to `sync_all` it, and makes its own unique name (process id and a counter) beside `path`; the clean-up on failure is a `match` on the result.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::{AsyncWriteExt, BufWriter};

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = fresh_name_beside(path)?;
    match write_then_rename(&temp, path, contents).await {
        Ok(()) => Ok(()),
        Err(err) => {
            // Whatever step failed, the temporary file (if it was made) must not stay.
            let _ = tokio::fs::remove_file(&temp).await;
            Err(err)
        }
    }
}

/// `<folder>/.<name>.partial-<pid>-<n>`: the same folder as `path`, a name no other write has.
fn fresh_name_beside(path: &Path) -> io::Result<PathBuf> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let Some(name) = path.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} names no file", path.display()),
        ));
    };
    let mut temp = OsString::from(".");
    temp.push(name);
    temp.push(format!(
        ".partial-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    Ok(path.with_file_name(temp))
}

async fn write_then_rename(temp: &Path, path: &Path, contents: &[u8]) -> io::Result<()> {
    let file = tokio::fs::File::create_new(temp).await?;
    let mut writer = BufWriter::new(file);
    writer.write_all(contents).await?;
    // Empties the buffer into the file, then waits for the file's write to be done.
    writer.flush().await?;
    let file = writer.into_inner();
    file.sync_all().await?;
    drop(file);
    tokio::fs::rename(temp, path).await
}
