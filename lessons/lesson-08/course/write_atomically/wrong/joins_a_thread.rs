//! Wrong: breaks "the file work does not block the async runtime's thread" without writing a
//! byte there: the `std::fs` steps go to a thread of their own, as they should, but the
//! `async fn` then waits for that thread with `JoinHandle::join` (Python's `Thread.start()`
//! then `.join()`), which blocks the runtime's thread until the file is done, instead of
//! `tokio::task::spawn_blocking(...).await`, which lets it run other tasks meanwhile.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

static NEXT: AtomicU64 = AtomicU64::new(0);

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = temporary_name(path)?;
    let (path, contents) = (path.to_owned(), contents.to_vec());
    let worker = std::thread::spawn(move || {
        let result = write_and_rename(&temp, &path, &contents);
        if result.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        result
    });
    worker
        .join()
        .map_err(|_| io::Error::other("the writing thread panicked"))?
}

fn temporary_name(path: &Path) -> io::Result<PathBuf> {
    let Some(name) = path.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the path does not end in a file name",
        ));
    };
    Ok(path.with_file_name(format!(
        ".{}.tmp-{}-{}",
        name.to_string_lossy(),
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )))
}

fn write_and_rename(temp: &Path, path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)?;
    file.write_all(contents)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(temp, path)
}
