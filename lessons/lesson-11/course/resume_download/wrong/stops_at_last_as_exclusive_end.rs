//! Wrong: breaks "`206 Partial Content` whose `Content-Range` starts at byte N (`bytes N-LAST/SIZE`, SIZE being `*` when the server does not know it): its body is appended to `part`" (and "`Ok(size)`: the size of `part` once the body is all in")
//! What the learner did: a right 206 is appended, but never past the end its `Content-Range`
//! announces: the learner works out how many bytes the range holds as `LAST - FIRST`, writes
//! pieces up to that many (the last one cut to fit) and stops reading there, returning the
//! part's size. `Content-Range`'s LAST is the last byte *included* (`bytes 5003-6999/7000` is
//! 1,997 bytes), so every 206 loses its last byte: the part of `/files/7000` ends at 6,999
//! bytes, and a 206 of the last byte alone (`bytes 6999-6999/7000`) appends nothing.
//! Why a learner thinks it right: a server (or a proxy) that sends more than the range it
//! announced must not grow the part past it, so the span is enforced as a defence; and
//! `last - first` is how a Python programmer measures `range(first, last)`, `data[first:last]`,
//! where the end is excluded. A 200 is untouched, and every check that looks only at where a
//! 206 starts, or at the statuses, passes.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// The `LAST` of `bytes FIRST-LAST/SIZE`.
fn last_byte(content_range: &str) -> Option<u64> {
    let (range, _size) = content_range
        .trim()
        .strip_prefix("bytes ")?
        .split_once('/')?;
    let (_first, last) = range.split_once('-')?;
    last.parse().ok()
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
    // How many bytes the body may still add: the announced span of a 206, no bound for a 200.
    let (mut file, mut size, mut room) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
                .unwrap_or_default();
            let starts_right = matches!(
                lesson_11::parse_content_range(&content_range),
                Some((first, _)) if had > 0 && first == had
            );
            if !starts_right {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            // The parser above checked FIRST <= LAST, so this cannot underflow.
            let span = last_byte(&content_range).map(|last| last.saturating_sub(had));
            (OpenOptions::new().append(true).open(part).await?, had, span)
        }
        StatusCode::OK => (File::create(part).await?, 0, None),
        status => return Err(ResumeError::Status(status)),
    };
    let outcome = loop {
        if room == Some(0) {
            // The announced range is in: whatever else the server sends is not ours.
            break Ok(size);
        }
        match response.chunk().await {
            Ok(Some(piece)) => {
                let take = match room {
                    Some(left) => {
                        usize::try_from(left).map_or(piece.len(), |left| left.min(piece.len()))
                    }
                    None => piece.len(),
                };
                if let Err(err) = file.write_all(&piece[..take]).await {
                    break Err(ResumeError::File(err));
                }
                size += take as u64;
                if let Some(left) = room.as_mut() {
                    *left -= take as u64;
                }
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
