//! Right: stays in `tokio::fs`, but with `File::create_new` instead of `OpenOptions`, the steps in an inline `async` block rather than a helper `fn`, the bytes written in 1 MiB `write_all` chunks, and a temporary name `.<name>.<pid>-<n>~` beside `path`; a failed cleanup other than `NotFound` is reported on stderr, and the first error is returned.

use std::ffi::OsString;
use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

const CHUNK: usize = 1 << 20;

/// Writes `contents` to `path` atomically: all of it or none of it.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    static SEQ: AtomicU64 = AtomicU64::new(1);

    let name = match path.file_name() {
        Some(name) => name,
        None => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{}: not a file name", path.display()),
            ));
        }
    };
    let seq = SEQ.fetch_add(1, Ordering::Relaxed);
    let mut temp_name = OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(".{}-{}~", std::process::id(), seq));
    let temp = path.with_file_name(&temp_name);

    let outcome: io::Result<()> = async {
        let mut file = tokio::fs::File::create_new(&temp).await?;
        for chunk in contents.chunks(CHUNK) {
            file.write_all(chunk).await?;
        }
        file.flush().await?;
        file.sync_all().await?;
        drop(file);
        tokio::fs::rename(&temp, path).await
    }
    .await;

    if let Err(error) = outcome {
        // The temporary file may not exist (the open failed): ignore that, keep `error`.
        if let Err(cleanup) = tokio::fs::remove_file(&temp).await {
            if cleanup.kind() != io::ErrorKind::NotFound {
                eprintln!("could not remove {}: {cleanup}", temp.display());
            }
        }
        return Err(error);
    }
    Ok(())
}
