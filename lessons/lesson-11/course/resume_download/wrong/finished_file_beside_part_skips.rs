//! Wrong: breaks "one GET of `url` through `client`, with `Range: bytes=N-` when N is over 0" for a part named `NAME.part` beside which a file `NAME` exists (`{tmp}/file.bin.part` holding the first 5,003 bytes of `/files/7000`, and any `{tmp}/file.bin`): no request is sent, and the call returns `Ok(5003)` with the part unfinished.
//!
//! The engineer knows lesson 11's `download`: the bytes go to `{dest}.part`, which is renamed to
//! `dest` only once it is complete. So a `.part` with its final name already beside it looks like
//! the leftover of a download that finished, and asking the server again looks like wasted
//! traffic: a fast path returns at once. But the function is given `part` alone and must finish
//! it; the file beside it may be anything (an older version, another program's file). Every part
//! without such a neighbour, or not named `*.part`, gets exactly the reference's behaviour.

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
    // Fast path: the download this part belongs to already finished (it was renamed to its final
    // name): there is nothing left to fetch.
    if had > 0 && finished_beside(part).await {
        return Ok(had);
    }
    let mut request = client.get(url);
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

/// Whether the final file of `part` (its name without `.part`) is already there.
async fn finished_beside(part: &Path) -> bool {
    let Some(name) = part.file_name().and_then(|name| name.to_str()) else {
        return false;
    };
    match name.strip_suffix(".part") {
        Some(stem) if !stem.is_empty() => tokio::fs::try_exists(part.with_file_name(stem))
            .await
            .unwrap_or(false),
        _ => false,
    }
}

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
