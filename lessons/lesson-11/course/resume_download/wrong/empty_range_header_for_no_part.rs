//! Wrong: breaks "one GET of `url` through `client`, with `Range: bytes=N-` when N is over 0, and no `Range` when N is 0" for a call with no part (or an empty one): the request carries a `Range` header whose value is empty.
//! The learner builds the header's value in one expression, as they did in Python with
//! `headers={"Range": f"bytes={n}-" if n else None}`, where `requests` drops a header whose value
//! is `None`. Rust has no such rule: the empty `String` stands in for `None` and is sent as
//! `Range: ` (an empty value). A file server ignores a `Range` it cannot read and answers 200, so
//! every download still succeeds; only a check that looks at the request's headers sees a
//! `Range` where the contract says there must be none.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(err.into()),
    };
    // The rest when there is a part, "nothing" (an empty value) when there is none.
    let range = if had > 0 {
        format!("bytes={had}-")
    } else {
        String::new()
    };
    let mut response = client.get(url).header(RANGE, range).send().await?;

    let mut file = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default();
            if first_byte(content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: content_range.to_owned(),
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

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
