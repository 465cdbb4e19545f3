//! Wrong: breaks "several writes at once ... to the same one, all succeed": following the chapter's "a long-lived program may sweep stale ones", every call first deletes any `.<name>.tmp-*` it finds beside `path`, including the live temporary file of another write of the same `path` still in progress, whose rename then fails with `NotFound`.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

static NEXT: AtomicU64 = AtomicU64::new(0);

fn does_not_name_a_file(path: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("{} does not name a file", path.display()),
    )
}

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let name = path.file_name().ok_or_else(|| does_not_name_a_file(path))?;
    let mut prefix = OsString::from(".");
    prefix.push(name);
    prefix.push(".tmp-");

    // Debris from an earlier run killed mid-write: sweep it before adding our own.
    sweep_leftovers(path, &prefix).await;

    let mut temp_name = prefix;
    temp_name.push(format!(
        "{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let temp: PathBuf = path.with_file_name(temp_name);

    let written = write_then_rename(&temp, path, contents).await;
    if written.is_err() {
        let _ = tokio::fs::remove_file(&temp).await;
    }
    written
}

/// Best effort: a folder we cannot list is reported by the write itself.
async fn sweep_leftovers(path: &Path, prefix: &OsString) {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Ok(mut entries) = tokio::fs::read_dir(folder).await else {
        return;
    };
    let prefix = prefix.as_encoded_bytes();
    while let Ok(Some(entry)) = entries.next_entry().await {
        if entry.file_name().as_encoded_bytes().starts_with(prefix) {
            let _ = tokio::fs::remove_file(entry.path()).await;
        }
    }
}

async fn write_then_rename(temp: &Path, path: &Path, contents: &[u8]) -> io::Result<()> {
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
