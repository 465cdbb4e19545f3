//! Wrong: atomic, but unwraps every step, so any filesystem error (a folder in the way, a
//! folder that does not exist) is a panic instead of an `Err` the caller can report.

use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::AsyncWriteExt;

pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path.file_name().unwrap().to_string_lossy();
    let temp = path.with_file_name(format!(".{name}.tmp-{}-{n}", std::process::id()));
    let mut file = tokio::fs::File::create(&temp).await.unwrap();
    file.write_all(contents).await.unwrap();
    file.flush().await.unwrap();
    file.sync_all().await.unwrap();
    drop(file);
    tokio::fs::rename(&temp, path).await.unwrap();
    Ok(())
}
