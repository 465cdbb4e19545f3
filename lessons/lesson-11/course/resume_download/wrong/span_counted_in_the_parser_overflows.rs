//! Wrong: breaks "no panic"
//! The learner's parser returns what the rest of the code needs from a `Content-Range`: where the
//! slice starts and how many bytes it announces, `last - first + 1`, computed once `first <= last`
//! is checked ("so the subtraction cannot go below zero"). The count is used to write no more of a
//! 206 than it announced (a server that sends more must not corrupt the part). With FIRST at N
//! (every 206 the checks name that is judged this far) the count always fits; but a header from
//! byte 0 to the largest `u64` (`bytes 0-18446744073709551615/*`) makes `+ 1` overflow, and the
//! debug build panics, whatever N is, since the parser runs before FIRST is compared with N.

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

    // Where the body goes, how much of it to keep (a 206 keeps what it announced), and the size
    // the part has before the first piece.
    let (mut file, mut room, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let text = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or("")
                .to_owned();
            let announced = match parse_content_range(&text) {
                Some((first, count)) if first == had => count,
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range: text,
                    });
                }
            };
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            (file, Some(announced), had)
        }
        StatusCode::OK => (File::create(part).await?, None, 0),
        status => return Err(ResumeError::Status(status)),
    };

    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                // Past what a 206 announced, pieces are read (a break must still be seen) but
                // not written.
                let keep = match room {
                    Some(left) => piece.len().min(usize::try_from(left).unwrap_or(usize::MAX)),
                    None => piece.len(),
                };
                if keep == 0 {
                    continue;
                }
                if let Err(err) = file.write_all(&piece[..keep]).await {
                    break Err(ResumeError::File(err));
                }
                let kept = keep as u64;
                size += kept;
                if let Some(left) = room.as_mut() {
                    *left -= kept;
                }
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}

/// `bytes FIRST-LAST/SIZE` (SIZE a number or `*`) as FIRST and the number of bytes it announces.
fn parse_content_range(text: &str) -> Option<(u64, u64)> {
    let (span, size) = text.strip_prefix("bytes ")?.split_once('/')?;
    if size != "*" {
        size.parse::<u64>().ok()?;
    }
    let (first, last) = span.split_once('-')?;
    let (first, last): (u64, u64) = (first.parse().ok()?, last.parse().ok()?);
    if last < first {
        return None;
    }
    Some((first, last - first + 1))
}
