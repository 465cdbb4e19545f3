//! Wrong: breaks "errors are returned, never panicked": the folder is taken with `path.parent().expect(..)` before the file name is checked, so a `path` with no parent (`""`, `/`) panics instead of returning an `Err`; bare names (`out.json`, whose parent is `""`), `posts/..` (an `InvalidInput` error), the temp file beside `path`, the write, sync, rename and cleanup are all right.

use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

static NEXT_TEMP: AtomicU64 = AtomicU64::new(0);

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    // Every file lives in some folder (for `out.json` it is the empty path, the current one).
    let folder = path.parent().expect("a file path always has a folder");
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        )
    })?;
    let temp = folder.join(format!(
        ".{}.tmp-{}-{}",
        name.to_string_lossy(),
        std::process::id(),
        NEXT_TEMP.fetch_add(1, Ordering::Relaxed)
    ));

    let result: io::Result<()> = async {
        let mut file = tokio::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .await?;
        file.write_all(contents).await?;
        file.flush().await?;
        file.sync_all().await?;
        drop(file);
        tokio::fs::rename(&temp, path).await
    }
    .await;

    if result.is_err() {
        let _ = tokio::fs::remove_file(&temp).await;
    }
    result
}
