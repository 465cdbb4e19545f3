//! Wrong: breaks "one GET of `url` through `client`" (and "a body that breaks off is `Err(ResumeError::Http(err))`")
//! The aiohttp habit of `for attempt in range(3): try: ... except ClientPayloadError: await
//! asyncio.sleep(...)`: since the part now holds what arrived, the learner simply resumes again
//! when the body breaks off, up to three times, and only then reports the break. Each retry is a
//! second GET (with `Range: bytes={N + what arrived}-`), and a server that answers it with the same
//! 206 as before gets a `WrongRange` back instead of the break.

use std::io::ErrorKind;
use std::path::Path;
use std::time::Duration;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

const ATTEMPTS: u32 = 3;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let mut attempt = 1;
    loop {
        match resume_once(client, url, part).await {
            // The body broke off: what came is in the part, so go on from there.
            Err(ResumeError::Http(err))
                if attempt < ATTEMPTS && (err.is_decode() || err.is_body()) =>
            {
                tokio::time::sleep(Duration::from_millis(50 * u64::from(attempt))).await;
                attempt += 1;
            }
            outcome => return outcome,
        }
    }
}

async fn resume_once(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
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

/// The `FIRST` of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), `None` if it is not that.
fn first_byte(text: &str) -> Option<u64> {
    let (range, total) = text.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = range.split_once('-')?;
    let (first, last): (u64, u64) = (first.parse().ok()?, last.parse().ok()?);
    let fits = match total {
        "*" => true,
        total => last < total.parse::<u64>().ok()?,
    };
    (first <= last && fits).then_some(first)
}
