//! Wrong: breaks "`200 OK`: the server sends the whole file from its first byte (it ignored the range, or the file changed): `part` is emptied, then the body written from the start"
//! A Go/C programmer opens the part once for every answer, with its flags worked out from how the
//! download starts (lesson 11's `Start`): `O_CREATE|O_WRONLY|O_APPEND`, plus `O_TRUNC` for a
//! restart, exactly as `os.OpenFile(part, flags, 0o644)` takes it. But Rust's `OpenOptions`
//! refuses `append(true)` together with `truncate(true)` (`InvalidInput`, before any `open`), so a
//! `200` over a part that holds bytes ends as `Err(ResumeError::File(_))` and the file is never
//! written; a fresh download (200 with no part) and a resume (206) work, which is all the learner tried.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::{ResumeError, Start};
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Whether `text` is `bytes FIRST-LAST/SIZE` (SIZE a number or `*`) with FIRST equal to `had`.
fn starts_at(text: &str, had: u64) -> bool {
    let Some(rest) = text.strip_prefix("bytes ") else {
        return false;
    };
    let Some((span, size)) = rest.split_once('/') else {
        return false;
    };
    let Some((first, last)) = span.split_once('-') else {
        return false;
    };
    let (Ok(first), Ok(last)) = (first.parse::<u64>(), last.parse::<u64>()) else {
        return false;
    };
    let size_ok = size == "*" || size.parse::<u64>().is_ok();
    first == had && first <= last && size_ok
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

    let start = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .map(|value| value.to_str().unwrap_or_default())
                .unwrap_or_default()
                .to_owned();
            if !starts_at(&content_range, had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            Start::Resumed { from: had }
        }
        StatusCode::OK if had > 0 => Start::Restarted { had },
        StatusCode::OK => Start::Fresh,
        status => return Err(ResumeError::Status(status)),
    };

    // One open for every start, like `os.OpenFile(part, O_CREATE|O_WRONLY|O_APPEND|trunc, 0o644)`:
    // appending to an emptied file writes from its first byte, and there is nothing to empty
    // unless an old part is being thrown away.
    let mut file = OpenOptions::new()
        .create(true)
        .append(true)
        .truncate(matches!(start, Start::Restarted { .. }))
        .open(part)
        .await?;
    let mut size = match start {
        Start::Resumed { from } => from,
        Start::Fresh | Start::Restarted { .. } => 0,
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
