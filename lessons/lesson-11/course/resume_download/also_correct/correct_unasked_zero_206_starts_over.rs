//! Correct: the answer is first reduced to where its body goes (`Goes::After` or `Goes::Over`), and
//! a 206 from byte 0 to a request that asked no range is sent `Goes::Over` with a 200: the part
//! (empty or missing, since N = 0) is created empty by `File::create`, which leaves the same bytes
//! as appending would. The loop `break`s with the break's error (if any), so the `flush` runs on
//! both ways out; the size returned is where the body started plus what was written.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Where the body of an answer belongs.
enum Goes {
    /// After the part's N bytes.
    After(u64),
    /// Over an emptied part, from byte 0.
    Over,
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

    let goes = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .map(|value| value.to_str().unwrap_or_default())
                .unwrap_or_default()
                .to_owned();
            match first_byte(&content_range) {
                Some(0) if had == 0 => Goes::Over,
                Some(first) if first == had => Goes::After(had),
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
            }
        }
        StatusCode::OK => Goes::Over,
        status => return Err(ResumeError::Status(status)),
    };

    let (mut file, start) = match goes {
        Goes::After(n) => {
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            (file, n)
        }
        Goes::Over => (File::create(part).await?, 0),
    };

    let mut written: u64 = 0;
    let broke = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                file.write_all(&piece).await?;
                written += piece.len() as u64;
            }
            Ok(None) => break None,
            Err(err) => break Some(err),
        }
    };
    file.flush().await?;
    match broke {
        Some(err) => Err(ResumeError::Http(err)),
        None => Ok(start + written),
    }
}

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), when the header has that form.
fn first_byte(content_range: &str) -> Option<u64> {
    let (span, total) = content_range.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let (first, last): (u64, u64) = (first.parse().ok()?, last.parse().ok()?);
    if first > last || (total != "*" && total.parse::<u64>().ok()? <= last) {
        return None;
    }
    Some(first)
}
