//! Wrong: breaks "one GET of `url` through `client`" and "any other status (a 416, a 404, a 503, a 300 …): `Err(ResumeError::Status(status))`"
//! The learner does not know how the client given was built: reqwest follows redirects by default, but a caller may have built it with `redirect::Policy::none()`, and "a download must follow a file that moved". So a redirect that reaches the function (301, 302, 303, 307 or 308 with a `Location`) is followed by hand, once, with the same `Range`; a `300 Multiple Choices` is left alone, rightly, since it is a choice and not a redirect.
//! The checks' 300 carries a `Location` and is refused as it must be; their other 3xx say only `Retry-After: 0` (with the default client a `Location` there would be followed by reqwest itself), so nothing is followed. A client with `Policy::none()` and a 302 carrying a `Location` shows the second GET.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, LOCATION, RANGE};
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
    let get = |target: &str| {
        let request = client.get(target);
        if had > 0 {
            request.header(RANGE, format!("bytes={had}-"))
        } else {
            request
        }
    };

    let mut response = get(url).send().await?;
    // A redirect the client did not follow itself (its policy may be `none`): follow it once.
    let status = response.status();
    if matches!(status.as_u16(), 301 | 302 | 303 | 307 | 308) {
        let location = response
            .headers()
            .get(LOCATION)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned);
        if let Some(location) = location {
            let Ok(next) = response.url().join(&location) else {
                return Err(ResumeError::Status(status));
            };
            response = get(next.as_str()).send().await?;
        }
    }

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
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
    let flushed = file.flush().await;
    let size = outcome?;
    flushed?;
    Ok(size)
}

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), `None` for any other text.
fn first_byte(text: &str) -> Option<u64> {
    let (span, size) = text.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let (first, last) = (number(first)?, number(last)?);
    if last < first {
        return None;
    }
    if size != "*" && last >= number(size)? {
        return None;
    }
    Some(first)
}

fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
