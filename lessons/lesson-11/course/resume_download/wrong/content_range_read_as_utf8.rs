//! Wrong: breaks "no panic"
//! The learner found that `HeaderValue::to_str` refuses anything outside visible ASCII, so a
//! header with an en dash in it would come back as nothing; they read it as UTF-8 instead
//! (`std::str::from_utf8(value.as_bytes())`), "servers write UTF-8 these days", and since a
//! `Utf8Error` does not convert into `ResumeError`, they `expect` it. The checks' en dash is UTF-8
//! (`E2 80 93`), so it decodes, is reported as the text it is, and refused; the same dash as one
//! Windows-1252 byte (`0x96`), or a Latin-1 `é`, is not UTF-8, and the function panics.

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
            // `to_str` would turn a header with any non-ASCII character into nothing at all.
            let text = match response.headers().get(CONTENT_RANGE) {
                Some(value) => std::str::from_utf8(value.as_bytes())
                    .expect("a server writes its headers in UTF-8")
                    .to_owned(),
                None => String::new(),
            };
            if first_byte(&text) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: text,
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

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), or `None` for any other form.
fn first_byte(text: &str) -> Option<u64> {
    let (span, size) = text.strip_prefix("bytes ")?.split_once('/')?;
    if size != "*" {
        size.parse::<u64>().ok()?;
    }
    let (first, last) = span.split_once('-')?;
    let (first, last): (u64, u64) = (first.parse().ok()?, last.parse().ok()?);
    (first <= last).then_some(first)
}
