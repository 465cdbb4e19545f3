//! Correct: a 206 is written only up to the LAST it announces (the contract leaves a body that
//! runs past it to the implementer), with the announced count worked out by checked arithmetic:
//! `(last - first).checked_add(1)`, where `None` (FIRST 0, LAST the largest `u64`) means "no cap"
//! instead of an overflow. Pieces past the cap are still read, so a break after the range is
//! all in is still `Http`; the header is reported whole, as it came.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
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

    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

    // The part, how many more bytes may go into it (`None`: no limit), and its size now.
    let (mut file, mut room, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let text = response
                .headers()
                .get(CONTENT_RANGE)
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
                .unwrap_or_default();
            let judged = parse_content_range(&text).filter(|&(first, _)| first == had);
            let Some((_, announced)) = judged else {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: text,
                });
            };
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            (file, announced, had)
        }
        StatusCode::OK => (File::create(part).await?, None, 0),
        status => return Err(ResumeError::Status(status)),
    };

    let outcome = loop {
        let piece = match response.chunk().await {
            Ok(Some(piece)) => piece,
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        };
        let keep = match room {
            Some(left) => u64::try_from(piece.len()).map_or(left, |len| len.min(left)),
            None => piece.len() as u64,
        };
        if keep == 0 {
            continue;
        }
        // `keep` is at most `piece.len()`, so it fits a `usize`.
        let end = usize::try_from(keep).unwrap_or(piece.len());
        if let Err(err) = file.write_all(&piece[..end]).await {
            break Err(ResumeError::File(err));
        }
        size += keep;
        if let Some(left) = room.as_mut() {
            *left -= keep;
        }
    };
    file.flush().await?;
    outcome
}

/// `bytes FIRST-LAST/SIZE` (SIZE a number or `*`, LAST not before FIRST) as FIRST and the number
/// of bytes announced, `None` for that number when it does not fit a `u64`.
fn parse_content_range(text: &str) -> Option<(u64, Option<u64>)> {
    let (span, size) = text.strip_prefix("bytes ")?.split_once('/')?;
    if size != "*" {
        size.parse::<u64>().ok()?;
    }
    let (first, last) = span.split_once('-')?;
    let (first, last): (u64, u64) = (first.parse().ok()?, last.parse().ok()?);
    let count = last.checked_sub(first)?.checked_add(1);
    Some((first, count))
}
