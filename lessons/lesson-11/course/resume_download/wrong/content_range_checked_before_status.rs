//! Wrong: breaks "any other status (a 416, a 404, a 503, a 300 …): `Err(ResumeError::Status(status))`"
//! The learner checks the `Content-Range` first, as soon as the answer is in, whatever the status:
//! "a `Content-Range` that does not start where I asked is a wrong range, full stop", then sorts
//! the statuses. A `416` carries `Content-Range: bytes */SIZE` (RFC 9110 says a server should send
//! it), so it comes back as `WrongRange { asked: N, content_range: "bytes */SIZE" }` instead of
//! `Status(416)`; the part is still left alone.

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

    // Whatever came back, its range must be the one asked for.
    let content_range = response
        .headers()
        .get(CONTENT_RANGE)
        .map(|value| value.to_str().unwrap_or_default().to_owned());
    if let Some(content_range) = &content_range
        && first_byte(content_range) != Some(had)
    {
        return Err(ResumeError::WrongRange {
            asked: had,
            content_range: content_range.clone(),
        });
    }

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            if content_range.is_none() {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: String::new(),
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

/// `FIRST` in `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let (first, _) = content_range.strip_prefix("bytes ")?.split_once('-')?;
    first.parse().ok()
}
