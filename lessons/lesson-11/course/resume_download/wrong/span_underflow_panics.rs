//! Wrong: breaks "no panic"
//! The learner parses `bytes FIRST-LAST/SIZE` into numbers, checks that FIRST is N as asked, and
//! says how much is still to come, `LAST - FIRST + 1`, the way a Python script sizes its tqdm bar
//! (`total=end - start + 1`). In Python a `Content-Range` with LAST below FIRST gives a negative
//! count and nothing worse; in Rust the `u64` subtraction overflows, and a debug build (the tests')
//! panics on a malformed `206` it should have refused (or appended).

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
            let Some((first, last)) = span(&content_range).filter(|&(first, _)| first == had)
            else {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            };
            let to_come = last - first + 1;
            eprintln!("resuming at byte {first}: {to_come} bytes to come");
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

/// `(FIRST, LAST)` of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`, LAST within it).
fn span(text: &str) -> Option<(u64, u64)> {
    let (range, total) = text.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = range.split_once('-')?;
    let (first, last): (u64, u64) = (first.parse().ok()?, last.parse().ok()?);
    if total != "*" && last >= total.parse::<u64>().ok()? {
        return None;
    }
    Some((first, last))
}
