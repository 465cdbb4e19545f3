//! Wrong: breaks "no other file is left behind, not even when the write fails (for instance when `path` is a folder)": the temporary file is removed when opening, writing or syncing fails, but the rename is done with a bare `?` after that block, so when the rename itself fails (`path` is a folder) the whole new file stays behind under its hidden temporary name.

use std::ffi::OsString;
use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::fs::File;
use tokio::io::AsyncWriteExt;

static NEXT: AtomicU64 = AtomicU64::new(0);

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        )
    })?;
    let mut temp_name = OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(
        ".tmp-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let temp = path.with_file_name(temp_name);

    let mut file = tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .await?;
    // A full disk or an I/O error halfway: the temporary file holds part of the contents, so
    // it must go.
    if let Err(e) = fill(&mut file, contents).await {
        drop(file);
        let _ = tokio::fs::remove_file(&temp).await;
        return Err(e);
    }
    drop(file);

    // The file is whole and on disk: all that is left is to give it its name.
    tokio::fs::rename(&temp, path).await?;
    Ok(())
}

async fn fill(file: &mut File, contents: &[u8]) -> io::Result<()> {
    file.write_all(contents).await?;
    file.flush().await?;
    file.sync_all().await
}
