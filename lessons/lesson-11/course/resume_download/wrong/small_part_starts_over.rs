//! Wrong: breaks "one GET of `url` through `client`, with `Range: bytes=N-` when N is over 0"
//! The learner has been bitten by `curl -o` without `--fail`: a 404's HTML page saved as the
//! download's first bytes. So a part smaller than one 4 KiB page is not trusted as the file's
//! start: it is downloaded again from byte 0 (no `Range`, and a `200` empties it as usual), while a
//! part of 4 KiB or more is resumed exactly as the contract says. Parts of 5,003 and 70,001 bytes,
//! and none or an empty one, all behave right. Reveal: a part of a few bytes, e.g. the 27 bytes
//! that the paragraph's own break-off leaves (or any size from 1 to 4,095): the request must carry
//! `Range: bytes=27-`; this one carries none.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Below this a part is more likely a saved error page than the start of the file.
const SMALLEST_PART_WORTH_RESUMING: u64 = 4096;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let on_disk = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    // A tiny part is not worth a range: start again, and let the 200 empty it.
    let had = if on_disk < SMALLEST_PART_WORTH_RESUMING {
        0
    } else {
        on_disk
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
            // No range asked: a 206 is the server's mistake, refused (the contract allows it).
            if had == 0 || first_byte(&content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            let file = OpenOptions::new().append(true).open(part).await?;
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

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), or `None` for any other form.
fn first_byte(content_range: &str) -> Option<u64> {
    let (span, total) = content_range.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let (first, last) = (number(first)?, number(last)?);
    if last < first {
        return None;
    }
    if total != "*" && number(total)? <= last {
        return None;
    }
    Some(first)
}

/// Plain decimal digits only (no sign, no spaces).
fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
