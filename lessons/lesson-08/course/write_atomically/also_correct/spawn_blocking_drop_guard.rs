//! Right: does all the file work as plain `std::fs` code in one `tokio::task::spawn_blocking` (owned copies of `path` and `contents`), names the temporary file `<name>.<pid>.<n>.partial` beside `path`, and removes it with a drop guard that is disarmed only after the rename succeeds (cleanup on every `?`), mapping a `JoinError` to an `io::Error`.

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Removes the temporary file when dropped, unless `keep` was called.
struct RemoveOnDrop {
    path: Option<PathBuf>,
}

impl RemoveOnDrop {
    fn keep(mut self) {
        self.path = None;
    }
}

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        if let Some(path) = self.path.take() {
            // Runs on the blocking pool's thread, like everything else here.
            let _ = std::fs::remove_file(path);
        }
    }
}

fn write_blocking(path: &Path, contents: &[u8]) -> io::Result<()> {
    let Some(name) = path.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        ));
    };
    let mut temp_name = OsString::with_capacity(name.len() + 32);
    temp_name.push(name);
    temp_name.push(format!(
        ".{}.{}.partial",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let temp = path.with_file_name(temp_name);

    // Nothing created yet if this fails (a missing folder): no guard, just the error.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)?;
    let guard = RemoveOnDrop {
        path: Some(temp.clone()),
    };
    file.write_all(contents)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&temp, path)?;
    // The temporary name no longer exists: nothing to remove.
    guard.keep();
    Ok(())
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let path = path.to_path_buf();
    let contents = contents.to_vec();
    match tokio::task::spawn_blocking(move || write_blocking(&path, &contents)).await {
        Ok(result) => result,
        Err(join_error) => Err(io::Error::other(join_error)),
    }
}
