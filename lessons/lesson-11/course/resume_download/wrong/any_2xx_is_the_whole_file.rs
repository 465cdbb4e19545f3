//! Wrong: breaks "any other status (a 416, a 404, a 503, a 300 …): `Err(ResumeError::Status(status))`, and `part` is left as it was"
//! The status is sorted as "206 is the rest, any other success is the whole file, the rest is an
//! error" (`status.is_success()`), so a `201`, `202`, `203` or `204` empties the part and writes
//! its body as if it were the file: a `204 No Content` wipes the earlier attempt and returns
//! `Ok(0)`. A learner writes it because `is_success()` reads as "the server answered"; it gives
//! the right answer to 200, 206, 300, 404, 416 and 503, every status a test is likely to try.

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

    let status = response.status();
    let (mut file, mut size) = if status == StatusCode::PARTIAL_CONTENT {
        let content_range = response
            .headers()
            .get(CONTENT_RANGE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let first = content_range
            .strip_prefix("bytes ")
            .and_then(|range| range.split_once('-'))
            .and_then(|(first, _)| first.parse::<u64>().ok());
        if first != Some(had) {
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
    } else if status.is_success() {
        // Not the rest: the whole file, from its first byte.
        (File::create(part).await?, 0)
    } else {
        return Err(ResumeError::Status(status));
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
