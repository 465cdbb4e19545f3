//! Wrong: breaks "any other error reading its size is `Err(ResumeError::File(err))`, before a request is sent" for an address with no scheme (`/files/7000`) given with a part whose size cannot be read (one under a regular file, or in a folder the process may not search)
//!
//! The learner builds the request first, "fail fast on the cheap check: a bad address is found
//! before the disk is touched" (and a built `Request` can be looked at, logged, then handed to
//! `Client::execute`), and adds the `Range` to its headers once the size is known. For a good address nothing
//! changes. But the contract puts the part first: an error reading its size is
//! `Err(ResumeError::File(err))`, whatever the address; this answer returns
//! `Err(ResumeError::Http(builder error))` instead when both are wrong, and never looks at the
//! part.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, HeaderValue, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    // The request first: a bad address fails here, before the disk is touched.
    let mut request = client.get(url).build()?;
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(err.into()),
    };
    if had > 0 {
        let range = HeaderValue::from_str(&format!("bytes={had}-"))
            .expect("`bytes=` and digits are a valid header value");
        request.headers_mut().insert(RANGE, range);
    }
    let mut response = client.execute(request).await?;

    let (mut file, mut size) = match response.status() {
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
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            (file, had)
        }
        StatusCode::OK => (tokio::fs::File::create(part).await?, 0),
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

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
