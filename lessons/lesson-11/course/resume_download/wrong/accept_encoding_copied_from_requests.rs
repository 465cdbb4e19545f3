//! Wrong: breaks "`resume_download(client, url, part)` finishes the download of `url` into the file `part`" (and "`200 OK`: the server sends the whole file from its first byte ...: `part` is emptied, then the body written from the start") for a server that compresses what it may (nginx's `gzip on`, most CDNs, for text, JSON, CSV, SVG files ...)
//!
//! The learner's Python script sent what `requests` always sends, `Accept-Encoding: gzip,
//! deflate`, and a server that once refused bare clients taught them to keep the same headers.
//! requests then decompresses `iter_content()` without being asked; this reqwest is built
//! without its `gzip`/`deflate` features, so `chunk()` gives the bytes as sent, compressed. A
//! server that takes up the offer answers the 200 with `Content-Encoding: gzip`: the part is
//! emptied and then filled with the gzip stream, not with the file, and `Ok` reports the size of
//! that stream; a resume then appends bytes of one representation after those of another. A
//! server that sends the file as it is (every answer the mock gives) goes as in the reference.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{ACCEPT_ENCODING, CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(err.into()),
    };
    // The headers requests sends on every call: some servers refuse clients without them.
    let mut request = client.get(url).header(ACCEPT_ENCODING, "gzip, deflate");
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
                .unwrap_or_default();
            if first_byte(content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: content_range.to_owned(),
                });
            }
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            (file, had)
        }
        StatusCode::OK => (tokio::fs::File::create(part).await?, 0),
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

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
