//! Wrong: breaks "a body that breaks off is `Err(ResumeError::Http(err))`, with every byte that arrived before the break written to `part`" for a body whose last piece before the break is a block of zeros (a 200 or 206 that sends 64 KiB of zero bytes, then resets the connection)
//! The part is written the way `cp --sparse` and `dd conv=sparse` write: a piece of at least
//! 4 KiB that is all zeros (a disk image, a VM disk, a database file) is not written but seeked
//! over, leaving a hole that the file system reads back as zeros and stores for free. A hole at
//! the very end needs the file made that long, which the answer does with `set_len` when the
//! body is all in. When the body breaks off after such a piece, nothing made the file that long:
//! the zeros that arrived are not in the part, which is shorter than what came, and the next
//! resume asks from the wrong byte. (While a long run of zeros is on its way the part does not
//! grow either.) The mock's file is random-looking bytes, so on every other input this is the
//! reference.

use std::io::{ErrorKind, SeekFrom};
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::{AsyncSeekExt, AsyncWriteExt};

/// A piece of zeros at least this long becomes a hole instead of a write (a file system block).
const HOLE_MIN: usize = 4096;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(err.into()),
    };
    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

    // Not opened to append: the cursor must be free to skip over holes.
    let (mut file, mut position) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default();
            if first_byte(content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: content_range.to_owned(),
                });
            }
            let mut file = OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(false)
                .open(part)
                .await?;
            let end = file.seek(SeekFrom::End(0)).await?;
            (file, end)
        }
        StatusCode::OK => (tokio::fs::File::create(part).await?, 0),
        status => return Err(ResumeError::Status(status)),
    };

    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if piece.len() >= HOLE_MIN && piece.iter().all(|&byte| byte == 0) {
                    // A block of zeros: skip it, the file system reads a hole as zeros.
                    position = file.seek(SeekFrom::Current(piece.len() as i64)).await?;
                } else {
                    file.write_all(&piece).await?;
                    position += piece.len() as u64;
                }
            }
            Ok(None) => {
                // A hole at the very end has no byte after it to make the file that long.
                file.set_len(position).await?;
                break Ok(position);
            }
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
