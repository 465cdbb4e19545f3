//! Wrong: breaks "`resume_download(client, url, part)` finishes the download of `url` into the file `part`" (with "one GET of `url` through `client`") for a server that negotiates on `Accept` and does not offer `application/octet-stream` for that address (a JSON export served as `application/json` by Spring MVC or Django REST framework, which answer `406 Not Acceptable`): the answer returns `Err(ResumeError::Status(406))` where the plain GET gets the file with 200.
//! The learner carried over the header every GitHub release-asset script sends,
//! `headers={"Accept": "application/octet-stream"}` ("a download is bytes, ask for bytes"). It
//! replaces reqwest's own `Accept: */*`, so the GET is no longer the one `client.get(url)` makes:
//! a file server that ignores `Accept` (the course's mock, nginx, S3) answers the same, and every
//! usual check passes, but a server that honours it refuses or sends another representation.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{ACCEPT, CONTENT_RANGE, RANGE};
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
    // A download is bytes: say so, as the release-asset APIs want.
    let mut request = client.get(url).header(ACCEPT, "application/octet-stream");
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

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
