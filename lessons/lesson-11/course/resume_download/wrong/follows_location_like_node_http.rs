//! Wrong: breaks "one GET of `url` through `client`" (and "any other status (a 416, a 404, a 503, a 300 …): `Err(ResumeError::Status(status))`")
//! A Node learner: `http.get` follows no redirect, so every Node download snippet starts with `if
//! (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location) return download(new
//! URL(res.headers.location, url))`. The learner kept the guard, not knowing reqwest already
//! follows 301, 302, 303, 307 and 308: what still reaches it is a 300 (or a 304/305) that names a
//! `Location`, and for that one it sends a second GET, with the same `Range`, and writes whatever
//! that second answer brings. A 3xx without `Location` is still `Status`, as it must be.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, LOCATION, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// How many `Location`s to follow before giving up, as Node's `follow-redirects` does (it says 21).
const MAX_REDIRECTS: u32 = 5;

/// `bytes FIRST-LAST/SIZE` (SIZE a number or `*`) as FIRST; `None` for anything else.
fn first_byte(text: &str) -> Option<u64> {
    let (span, size) = text.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let first: u64 = first.parse().ok()?;
    let last: u64 = last.parse().ok()?;
    let size_ok = size == "*" || size.parse::<u64>().is_ok_and(|size| last < size);
    (first <= last && size_ok).then_some(first)
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };

    let mut target = url.to_owned();
    let mut redirects = 0;
    let mut response = loop {
        let mut request = client.get(target.as_str());
        if had > 0 {
            request = request.header(RANGE, format!("bytes={had}-"));
        }
        let response = request.send().await?;
        if response.status().is_redirection() && redirects < MAX_REDIRECTS {
            // new URL(res.headers.location, url)
            let next = response
                .headers()
                .get(LOCATION)
                .and_then(|value| value.to_str().ok())
                .and_then(|location| response.url().join(location).ok());
            if let Some(next) = next {
                redirects += 1;
                target = next.to_string();
                continue;
            }
        }
        break response;
    };

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or("")
                .to_owned();
            if first_byte(&content_range) != Some(had) {
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
