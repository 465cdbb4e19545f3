//! Wrong: breaks "no other file is left behind, not even when the write fails": the temporary file is removed by a drop guard, and since `Drop` cannot `.await`, the guard `tokio::spawn`s the `remove_file`, so when the rename fails (`path` is a folder) the function returns its `Err` while the temporary file is still there, removed some time later (or never, if the runtime shuts down first); the success path and everything else are right.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

/// Removes the temporary file when dropped, unless the rename took it.
struct TempFile {
    path: Option<PathBuf>,
}

impl TempFile {
    fn new(path: &Path) -> io::Result<Self> {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let name = path.file_name().ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{} does not name a file", path.display()),
            )
        })?;
        let mut temp = OsString::from(".");
        temp.push(name);
        temp.push(format!(
            ".tmp-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        Ok(Self {
            path: Some(path.with_file_name(temp)),
        })
    }

    fn path(&self) -> &Path {
        self.path.as_deref().expect("set until persisted")
    }

    /// The file now lives under its final name: nothing to clean up.
    fn persisted(mut self) {
        self.path = None;
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(path) = self.path.take() {
            // `Drop` cannot await, and `std::fs` here would block the runtime: hand the
            // removal to the runtime instead. (Nothing there is fine: it was never created.)
            tokio::spawn(async move {
                let _ = tokio::fs::remove_file(path).await;
            });
        }
    }
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = TempFile::new(path)?;
    let mut file = tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp.path())
        .await?;
    file.write_all(contents).await?;
    file.flush().await?;
    file.sync_all().await?;
    drop(file);
    tokio::fs::rename(temp.path(), path).await?;
    temp.persisted();
    Ok(())
}
