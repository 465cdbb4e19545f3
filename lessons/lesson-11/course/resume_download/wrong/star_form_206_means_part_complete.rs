//! Wrong: breaks "a `206` whose `Content-Range` starts elsewhere, or that has none, is `Err(ResumeError::WrongRange { asked: N, content_range })` (the header's text, or `""`), and `part` is left as it was"
//! for a part of N > 0 bytes answered `206` with `Content-Range: bytes */N` (5,003 bytes of
//! `/files/7000` answered `bytes */5003`): the answer returns `Ok(N)`, the part untouched, where
//! the contract wants `WrongRange { asked: N, content_range: "bytes */5003" }`.
//! The learner took the chapter's 416 row ("`Content-Range: bytes */size` … if N is the size,
//! the `.part` is complete: finishes it") as what the `*/SIZE` form means whatever the status:
//! the server gives the file's size alone, it equals the part's, so there is nothing left to
//! append and the download is done. Every other 206 is judged as the contract says.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
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
    let (mut file, start) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = content_range_text(&response);
            // `bytes */SIZE`: the server gives the file's size alone. When it is the part's,
            // the part is the whole file already: nothing left to append.
            if had > 0 && size_alone(&content_range) == Some(had) {
                return Ok(had);
            }
            if had == 0 || first_byte(&content_range) != Some(had) {
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
        StatusCode::OK => (File::create(part).await?, 0),
        status => return Err(ResumeError::Status(status)),
    };
    let outcome = pump(&mut response, &mut file, start).await;
    let flushed = file.flush().await;
    let size = outcome?;
    flushed?;
    Ok(size)
}

/// Copies the body to `file` piece by piece; the size of the part once it is all in.
async fn pump(response: &mut Response, file: &mut File, mut size: u64) -> Result<u64, ResumeError> {
    loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                file.write_all(&piece).await?;
                size += piece.len() as u64;
            }
            Ok(None) => return Ok(size),
            Err(err) => return Err(ResumeError::Http(err)),
        }
    }
}

/// The `Content-Range` header's text, or `""`.
fn content_range_text(response: &Response) -> String {
    response
        .headers()
        .get(CONTENT_RANGE)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
        .unwrap_or_default()
}

/// SIZE of `bytes */SIZE`.
fn size_alone(content_range: &str) -> Option<u64> {
    content_range.trim().strip_prefix("bytes */")?.parse().ok()
}

/// FIRST of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    lesson_11::parse_content_range(content_range)
        .filter(|_| !content_range.trim().starts_with("bytes */"))
        .map(|(first, _)| first)
}
