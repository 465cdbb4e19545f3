//! Correct: the request carries headers of its own beside the `Range` (still one GET through the
//! client given): a `User-Agent` naming a download tool, for file hosts that turn away unknown
//! agents, and `Cache-Control: no-cache`, so that a cache on the way does not answer the rest of a
//! file from a stale copy. A request-level `User-Agent` replaces the client's default one in
//! reqwest (the client's default headers only fill what the request lacks), so this also shows
//! whether the checks' "came from the client given" rests on the client's user agent rather than on
//! the client itself (its pool of connections, or a default header the learner has no reason to
//! set). The status is sorted first into where the body goes, then one open is made.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CACHE_CONTROL, CONTENT_RANGE, RANGE, USER_AGENT};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Where a body goes.
enum Goes {
    /// After the `N` bytes the part holds.
    After(u64),
    /// Over an emptied part.
    Over,
}

/// Whether `bytes FIRST-LAST/SIZE` starts at byte `n`.
fn starts_at(content_range: &str, n: u64) -> bool {
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    let Some(rest) = content_range.strip_prefix("bytes ") else {
        return false;
    };
    let Some((span, size)) = rest.split_once('/') else {
        return false;
    };
    let Some((first, last)) = span.split_once('-') else {
        return false;
    };
    digits(first)
        && digits(last)
        && (size == "*" || digits(size))
        && first.parse::<u64>().ok() == Some(n)
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    let mut request = client
        .get(url)
        .header(USER_AGENT, "Wget/1.21.4")
        .header(CACHE_CONTROL, "no-cache");
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

    let goes = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            if !starts_at(&content_range, had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            Goes::After(had)
        }
        StatusCode::OK => Goes::Over,
        status => return Err(ResumeError::Status(status)),
    };

    let mut options = OpenOptions::new();
    options.create(true);
    let mut size = match goes {
        Goes::After(n) => {
            options.append(true);
            n
        }
        Goes::Over => {
            options.write(true).truncate(true);
            0
        }
    };
    let mut file = options.open(part).await?;

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
