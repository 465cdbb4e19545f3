//! Wrong: breaks "`200 OK`: the server sends the whole file from its first byte (it ignored the range, or the file changed): `part` is emptied, then the body written from the start"
//! A defensive learner: "never throw away good bytes for nothing". A `200` with `Content-Length: 0`
//! to a part that holds bytes looks like a proxy's or a server's hiccup, not like a file, so the
//! part is kept and its size returned (the Python `if not int(resp.headers.get("Content-Length",
//! 0)): return existing` guard). Every other 200 empties the part as it must; but the file may
//! really be empty now, and then the part must be too.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

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

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or("")
                .to_owned();
            if first_byte(&content_range) != Some(had) {
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
            (file, had)
        }
        StatusCode::OK => {
            if had > 0 && response.content_length() == Some(0) {
                // An empty "whole file" in answer to a range: nothing worth losing the part for.
                return Ok(had);
            }
            (File::create(part).await?, 0)
        }
        status => return Err(ResumeError::Status(status)),
    };

    let outcome = loop {
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
    outcome
}

/// The `FIRST` of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), `None` if it is not that.
fn first_byte(text: &str) -> Option<u64> {
    let (range, total) = text.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = range.split_once('-')?;
    let (first, last): (u64, u64) = (first.parse().ok()?, last.parse().ok()?);
    let fits = match total {
        "*" => true,
        total => last < total.parse::<u64>().ok()?,
    };
    (first <= last && fits).then_some(first)
}
