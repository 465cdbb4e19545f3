//! Wrong: a temporary file, but copied over the destination: the copy writes into `path` in
//! place, byte by byte, so it is no more atomic than writing there directly.

use std::io;
use std::path::Path;

use tokio::io::AsyncWriteExt;

pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let mut file = tokio::fs::File::create(&temp).await?;
    file.write_all(contents).await?;
    file.flush().await?;
    file.sync_all().await?;
    drop(file);
    tokio::fs::copy(&temp, path).await?;
    tokio::fs::remove_file(&temp).await
}
