//! Wrong: breaks "one GET of `url` through `client`, with `Range: bytes=N-` when N is over 0" (the GET is made conditional) for a resume of a file the server still has in the same version, at an address that answered before, from a server that honours `If-None-Match` (any static file server or CDN)
//!
//! The learner remembered the chapter's recap, "resume with `Range` and `If-Range`", as "send
//! the version you have", and reached for the validator header they knew from caching,
//! `If-None-Match`: each address's last `ETag` is kept in a process-wide map, and a resume sends
//! it beside the `Range`, "so that the rest only comes if the file is still the one we have".
//! `If-None-Match` means the opposite: "send nothing if you still have this version". A server
//! that keeps the version answers `304 Not Modified`, reported as `Err(ResumeError::Status(304))`,
//! and the rest the contract asks for (a 206, appended) never comes, however often the call is
//! made. A server that ignores the header, or a file that changed, goes as in the reference.

use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::Path;
use std::sync::{LazyLock, Mutex, PoisonError};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, ETAG, IF_NONE_MATCH, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// The version (`ETag`) each address last answered with, for the next resume.
static TAGS: LazyLock<Mutex<HashMap<String, String>>> = LazyLock::new(Default::default);

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(err.into()),
    };
    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
        // Only the rest of the version we have part of.
        if let Some(tag) = remembered_tag(url) {
            request = request.header(IF_NONE_MATCH, tag);
        }
    }
    let mut response = request.send().await?;

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
            remember_tag(url, &response);
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            (file, had)
        }
        StatusCode::OK => {
            remember_tag(url, &response);
            (tokio::fs::File::create(part).await?, 0)
        }
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

/// The `ETag` the address last answered with, if any.
fn remembered_tag(url: &str) -> Option<String> {
    TAGS.lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(url)
        .cloned()
}

/// Keeps the answer's `ETag` for the next resume of the same address.
fn remember_tag(url: &str, response: &Response) {
    if let Some(tag) = response
        .headers()
        .get(ETAG)
        .and_then(|value| value.to_str().ok())
    {
        TAGS.lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(url.to_owned(), tag.to_owned());
    }
}
