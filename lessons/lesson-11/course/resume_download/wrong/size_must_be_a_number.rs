//! Wrong: breaks "`206 Partial Content` whose `Content-Range` starts at byte N (`bytes N-LAST/SIZE`): its body is appended to `part`"
//! The Python habit of unpacking the whole header, `unit, rest = cr.split(" ", 1); span, total =
//! rest.split("/"); first, last = map(int, span.split("-")); total = int(total)`: every field must
//! parse, or the answer is refused. But `SIZE` may be `*` (a server streaming a file whose length
//! it does not know yet): `bytes N-LAST/*` starts at byte N and must be appended, not refused.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// `Content-Range: bytes FIRST-LAST/SIZE`, every field of it.
struct ContentRange {
    first: u64,
    last: u64,
    size: u64,
}

impl ContentRange {
    fn parse(text: &str) -> Option<Self> {
        let (unit, rest) = text.split_once(' ')?;
        if unit != "bytes" {
            return None;
        }
        let (span, size) = rest.split_once('/')?;
        let (first, last) = span.split_once('-')?;
        let range = ContentRange {
            first: first.parse().ok()?,
            last: last.parse().ok()?,
            size: size.parse().ok()?,
        };
        (range.first <= range.last && range.last < range.size).then_some(range)
    }
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
                .unwrap_or("")
                .to_owned();
            match ContentRange::parse(&content_range) {
                Some(range) if range.first == had => {}
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
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
