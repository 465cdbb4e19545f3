//! Wrong: derives the final name from the temporary one by swapping the extension back, which
//! is only right for `.json` files: `notes.txt` ends up as `notes.json`.

use std::io;
use std::path::Path;

use tokio::io::AsyncWriteExt;

pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = path.with_extension("tmp");
    let result = async {
        let mut file = tokio::fs::File::create(&temp).await?;
        file.write_all(contents).await?;
        file.flush().await?;
        file.sync_all().await?;
        drop(file);
        tokio::fs::rename(&temp, temp.with_extension("json")).await
    }
    .await;
    if result.is_err() {
        let _ = tokio::fs::remove_file(&temp).await;
    }
    result
}
