//! Wrong: breaks "a `206` whose `Content-Range` starts elsewhere, or that has none, is `Err(ResumeError::WrongRange { asked: N, content_range })` (the header's text, or `""`), and `part` is left as it was"
//! The first byte of a 206 is read as "the first number in the header", the Python habit of
//! `int(re.search(r"\d+", resp.headers["Content-Range"]).group())`: skip what is not a digit,
//! take the digits that follow. For `bytes N-LAST/SIZE` it gives N, so every well-formed answer
//! is judged right, and a 206 from another byte is refused. But the header's form is never
//! checked: `bytes */N` (the unsatisfied-range form, no slice at all: a proxy that turned a 416
//! into a 206, or a part of exactly the file's size), `items N-LAST/SIZE` (another unit) or
//! `bytes=N-` (the request's syntax echoed back) all "start at N", and their body is appended
//! to the part instead of the answer being refused with `WrongRange`.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// The first run of digits in `text`, as a number.
fn first_number(text: &str) -> Option<u64> {
    text.split(|c: char| !c.is_ascii_digit())
        .find(|digits| !digits.is_empty())
        .and_then(|digits| digits.parse().ok())
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

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            if first_number(&content_range) != Some(had) {
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
    file.flush().await?;
    outcome
}
