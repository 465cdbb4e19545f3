//! Wrong: breaks "`200 OK`: the server sends the whole file from its first byte (it ignored the range, or the file changed): `part` is emptied, then the body written from the start"
//! A thrifty learner: "a 200 to a range is most often the same file from a server that ignores
//! ranges, so why throw away bytes I have?". The part is not emptied at once: each piece of the 200
//! is compared with the part's bytes at the same place, and only where the body differs (or runs
//! past the old part) is the part cut and written on; a body that ends inside the part cuts it
//! there. The finished file is right, but a 200 that breaks off (or pauses) inside the old part
//! leaves the old bytes there instead of only what arrived.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// `bytes FIRST-LAST/SIZE` (SIZE a number or `*`) as `(FIRST, LAST)`.
fn parse_range(text: &str) -> Option<(u64, u64)> {
    let (span, size) = text.strip_prefix("bytes ")?.split_once('/')?;
    if size != "*" {
        size.parse::<u64>().ok()?;
    }
    let (first, last) = span.split_once('-')?;
    let first: u64 = first.parse().ok()?;
    let last: u64 = last.parse().ok()?;
    (first <= last).then_some((first, last))
}

/// Copies the rest of the body to `file`; the count of bytes written, or why it stopped.
async fn pump(response: &mut Response, file: &mut File) -> Result<u64, ResumeError> {
    let mut written = 0;
    loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                file.write_all(&piece).await?;
                written += piece.len() as u64;
            }
            Ok(None) => return Ok(written),
            Err(err) => return Err(ResumeError::Http(err)),
        }
    }
}

/// Opens `part` for appending, cut to its first `at` bytes.
async fn open_cut(part: &Path, at: u64) -> Result<File, ResumeError> {
    let file = OpenOptions::new().append(true).open(part).await?;
    file.set_len(at).await?;
    Ok(file)
}

/// A 200 over a part of `had` bytes: keeps the part's bytes as long as the new body agrees with
/// them, and writes from the first byte that differs (or lies past the old part).
async fn restart_keeping_what_matches(
    response: &mut Response,
    part: &Path,
    had: u64,
) -> Result<u64, ResumeError> {
    let mut old = File::open(part).await?;
    // Bytes of the new body so far (those that matched the part included).
    let mut received: u64 = 0;
    let mut writer: Option<File> = None;
    let outcome = loop {
        let piece = match response.chunk().await {
            Ok(Some(piece)) => piece,
            Ok(None) => break Ok(()),
            Err(err) => break Err(ResumeError::Http(err)),
        };
        let mut rest: &[u8] = &piece;
        if writer.is_none() {
            // Still inside the old part: compare rather than write.
            let overlap = (had - received).min(rest.len() as u64) as usize;
            let mut old_bytes = vec![0; overlap];
            if let Err(err) = old.read_exact(&mut old_bytes).await {
                break Err(ResumeError::File(err));
            }
            let same = old_bytes
                .iter()
                .zip(rest)
                .take_while(|(a, b)| a == b)
                .count();
            received += same as u64;
            rest = &rest[same..];
            if rest.is_empty() {
                continue;
            }
            // The new file differs here, or is longer than the part: cut the part and go on.
            match open_cut(part, received).await {
                Ok(file) => writer = Some(file),
                Err(err) => break Err(err),
            }
        }
        if let Some(file) = writer.as_mut() {
            if let Err(err) = file.write_all(rest).await {
                break Err(ResumeError::File(err));
            }
            received += rest.len() as u64;
        }
    };
    match writer {
        Some(mut file) => file.flush().await?,
        None => {
            if outcome.is_ok() && received < had {
                // The new file is shorter, and all of it matched: cut the part to it.
                let file = OpenOptions::new().write(true).open(part).await?;
                file.set_len(received).await?;
            }
        }
    }
    outcome.map(|()| received)
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
    match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or("")
                .to_owned();
            match parse_range(&content_range) {
                Some((first, _)) if first == had => {}
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
            }
            let mut file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            let outcome = pump(&mut response, &mut file).await;
            file.flush().await?;
            Ok(had + outcome?)
        }
        StatusCode::OK if had > 0 => restart_keeping_what_matches(&mut response, part, had).await,
        StatusCode::OK => {
            let mut file = File::create(part).await?;
            let outcome = pump(&mut response, &mut file).await;
            file.flush().await?;
            outcome
        }
        status => Err(ResumeError::Status(status)),
    }
}
