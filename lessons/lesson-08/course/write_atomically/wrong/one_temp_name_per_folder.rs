//! Wrong: one fixed temporary name per folder, `.write_atomically.tmp`: two writes at once in
//! the same folder, even to different files, truncate and rename each other's temporary file.

use std::io;
use std::path::Path;

use tokio::io::AsyncWriteExt;

pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    if path.file_name().is_none() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "no file name"));
    }
    let temp = path.with_file_name(".write_atomically.tmp");
    let result = async {
        let mut file = tokio::fs::File::create(&temp).await?;
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
