//! Wrong: breaks "`200 OK`: the server sends the whole file from its first byte (...): `part` is emptied, then the body written from the start"
//! The `rsync --inplace` habit: `File::create` empties the part at once, and "a part of 0 bytes
//! after a crash is the worst case", so a 200 is written over the old bytes from byte 0 and the
//! part is cut to what was written (`set_len`) on every way out, a break included. Every return
//! leaves the right bytes; but while a 200 is arriving the part still holds the old tail past what
//! came (a 70,001-byte part after 27 new bytes is 27 new bytes then 69,974 stale ones), so the part
//! is not emptied, holds more than arrived, and a crash leaves a mix a resume trusts.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// FIRST and LAST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`).
fn span(text: &str) -> Option<(u64, u64)> {
    let (span, _size) = text.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    Some((first.parse().ok()?, last.parse().ok()?))
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

    // `over`: the body replaces the part from byte 0, cut to its length at the end.
    let (mut file, mut size, over) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or("")
                .to_owned();
            let fits = matches!(span(&content_range), Some((first, last)) if first == had && first <= last);
            if !fits {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            (file, had, false)
        }
        StatusCode::OK => {
            // No truncate: the old bytes stay until the new ones are written over them.
            let file = OpenOptions::new()
                .create(true)
                .write(true)
                .truncate(false)
                .open(part)
                .await?;
            (file, 0, true)
        }
        status => return Err(ResumeError::Status(status)),
    };

    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    break Err(ResumeError::File(err));
                }
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    if over {
        // Whatever happened, the part is exactly what this body wrote.
        file.set_len(size).await?;
    }
    file.flush().await?;
    outcome
}
