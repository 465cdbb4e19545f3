//! Wrong: breaks "any other status (a 416, a 404, a 503, a 300 …): `Err(ResumeError::Status(status))`, and `part` is left as it was"
//! The part is opened first, `create(true).append(true)`, and its size read from that handle:
//! one open instead of a `metadata` then an `open`, no `NotFound` case to write, and no window
//! between the size and the open. But `create(true)` makes the file: when there was no part,
//! an error status (a 404, a 503, a 416), a `206` for the wrong range, or a failed connection
//! leaves an empty part behind where there was none, so the part is not "left as it was" nor
//! "untouched". Every answer that writes a body is right (a 200 empties the part with
//! `set_len(0)`, and appending after that writes from byte 0), and every failure over a part
//! that already existed leaves it byte for byte as it was; a check that reads a missing part as
//! empty (`read(..).unwrap_or_default()`) sees no difference.

use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    // The part, ready to be appended to; a missing one is a new empty one, of size 0.
    let mut file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(part)
        .await?;
    let had = file.metadata().await?.len();

    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

    let mut size = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            if first_byte(&content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            had
        }
        StatusCode::OK => {
            // The whole file again: empty the part; appending then writes from byte 0.
            file.set_len(0).await?;
            0
        }
        status => return Err(ResumeError::Status(status)),
    };

    let result = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                file.write_all(&piece).await?;
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    result
}

/// The `FIRST` of `bytes FIRST-LAST/SIZE`, if the header is of that form.
fn first_byte(content_range: &str) -> Option<u64> {
    let (range, _size) = content_range.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = range.split_once('-')?;
    let _last: u64 = last.parse().ok()?;
    first.parse().ok()
}
