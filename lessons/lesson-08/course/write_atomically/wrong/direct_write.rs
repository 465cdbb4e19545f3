//! Wrong: writes straight into `path`; a crash halfway leaves half a file under the final name.

use std::io;
use std::path::Path;

pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    tokio::fs::write(path, contents).await
}
