//! Correct, written another way: no outer function that looks at the result; a guard owns the temporary file's name and its `Drop` removes it with `std::fs` (the contract's one exception) unless the rename went through, which cleans up after every `?` and after a cancelled call too; the temporary name is visible, `out.json.<pid>.<n>.partial`.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

/// A temporary file that removes itself when dropped, unless it was renamed into place.
struct PartialFile {
    path: PathBuf,
    /// Set once the file exists (so a name someone else holds is never removed), cleared
    /// once it has been renamed away.
    remove_on_drop: bool,
}

impl Drop for PartialFile {
    fn drop(&mut self) {
        if self.remove_on_drop {
            // `drop` cannot await; a failure here has nothing left to report to.
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// A name beside `path` that no other write uses: the process id and a counter.
fn partial_name(path: &Path) -> io::Result<PathBuf> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let Some(name) = path.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        ));
    };
    let mut partial = name.to_os_string();
    partial.push(format!(
        ".{}.{}.partial",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    Ok(path.with_file_name(partial))
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    // Declared before `file`, so dropped after it: the file is closed before it is removed.
    let mut partial = PartialFile {
        path: partial_name(path)?,
        remove_on_drop: false,
    };
    let mut file = tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&partial.path)
        .await?;
    partial.remove_on_drop = true;
    file.write_all(contents).await?;
    file.flush().await?;
    file.sync_all().await?;
    drop(file);
    tokio::fs::rename(&partial.path, path).await?;
    // Renamed: the partial name no longer exists, and `path` must not be touched.
    partial.remove_on_drop = false;
    Ok(())
}
