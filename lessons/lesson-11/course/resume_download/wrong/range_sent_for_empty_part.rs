//! Wrong: breaks "with `Range: bytes=N-` when N is over 0, and no `Range` when N is 0"
//! The learner keeps "is there a part?" and "how big is it?" in one `Option<u64>`: `None` when the
//! part does not exist, `Some(len)` otherwise, and asks for a range whenever there is a part. A
//! missing part is handled right; an empty one (left by an attempt that broke before its first
//! byte) sends `Range: bytes=0-`, which most servers answer with a 206 from byte 0 that this code
//! appends, so the file still comes out right: only the request shows the range.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    // `None`: no earlier attempt; `Some(n)`: an earlier attempt left n bytes.
    let earlier: Option<u64> = match tokio::fs::metadata(part).await {
        Ok(metadata) => Some(metadata.len()),
        Err(err) if err.kind() == ErrorKind::NotFound => None,
        Err(err) => return Err(ResumeError::File(err)),
    };
    let had = earlier.unwrap_or(0);

    let mut request = client.get(url);
    if let Some(from) = earlier {
        request = request.header(RANGE, format!("bytes={from}-"));
    }
    let mut response = request.send().await?;

    let mut file = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            let starts_at = content_range
                .strip_prefix("bytes ")
                .and_then(|range| range.split_once('-'))
                .and_then(|(first, _)| first.parse::<u64>().ok());
            if starts_at != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?
        }
        StatusCode::OK => tokio::fs::File::create(part).await?,
        status => return Err(ResumeError::Status(status)),
    };

    let mut size = if response.status() == StatusCode::OK {
        0
    } else {
        had
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
