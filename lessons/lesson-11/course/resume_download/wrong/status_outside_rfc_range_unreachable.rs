//! Wrong: breaks "any other status (a 416, a 404, a 503, a 300 …): `Err(ResumeError::Status(status))`, and `part` is left as it was" and "- no panic."
//! The learner sorts the status by number and, when the compiler asked for the rest of `u16`, wrote
//! what they believed can arrive: hyper answers informational 1xx itself, and RFC 9110 §15 says
//! every valid status lies in 100..=599, so `201..=599` is an error and anything else is
//! `unreachable!`. But hyper hands over a `101 Switching Protocols` (sent by a misconfigured server
//! to a plain GET) and any three-digit status up to 999 (LinkedIn answers robots with `999`): those
//! panic instead of being `Status`.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::Client;
use reqwest::header::{CONTENT_RANGE, RANGE};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// The byte a `Content-Range` of `bytes FIRST-LAST/SIZE` starts at, when it has that form.
fn first_byte(text: &str) -> Option<u64> {
    let rest = text.strip_prefix("bytes ")?;
    let (span, _size) = rest.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let (first, last): (u64, u64) = (first.parse().ok()?, last.parse().ok()?);
    (first <= last).then_some(first)
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
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
    let status = response.status();

    let (mut file, mut size) = match status.as_u16() {
        206 => {
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
        200 => (File::create(part).await?, 0),
        // Every other status a server can send: 2xx that are not the file, 3xx, 4xx, 5xx.
        201..=599 => return Err(ResumeError::Status(status)),
        // hyper deals with 1xx itself, and RFC 9110 §15: "All valid status codes are within the
        // range of 100 to 599, inclusive."
        other => unreachable!("no HTTP status outside 201..=599 reaches a response: {other}"),
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
