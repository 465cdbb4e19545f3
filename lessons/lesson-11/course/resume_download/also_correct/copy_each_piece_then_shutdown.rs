//! Correct: the answer is first reduced to where its body goes (`Where::After(N)` or
//! `Where::Over`), one `OpenOptions` is built from that (`append` for a 206, `truncate` for a 200),
//! each piece is handed to `tokio::io::copy` from a byte slice (which writes it and waits for the
//! write, so its returned count is what reached the file), and the file is closed with `shutdown()`
//! (tokio's `File` flushes there) on both ways out of the loop.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Where the body of an answer belongs.
enum Where {
    /// After the `had` bytes the part holds.
    After(u64),
    /// Over an emptied part.
    Over,
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(err.into()),
    };
    let request = if had == 0 {
        client.get(url)
    } else {
        client.get(url).header(RANGE, format!("bytes={had}-"))
    };
    let mut response = request.send().await.map_err(ResumeError::Http)?;

    let place = match response.status() {
        StatusCode::OK => Where::Over,
        StatusCode::PARTIAL_CONTENT => {
            let content_range = match response.headers().get(CONTENT_RANGE) {
                Some(value) => value.to_str().unwrap_or_default().to_owned(),
                None => String::new(),
            };
            if starts_at(&content_range) == Some(had) {
                Where::After(had)
            } else {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
        }
        other => return Err(ResumeError::Status(other)),
    };

    let mut options = OpenOptions::new();
    options.create(true);
    let mut size = match place {
        Where::After(had) => {
            options.append(true);
            had
        }
        Where::Over => {
            options.write(true).truncate(true);
            0
        }
    };
    let mut file = options.open(part).await?;

    let broke = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                let mut rest: &[u8] = &piece;
                size += tokio::io::copy(&mut rest, &mut file).await?;
            }
            Ok(None) => break None,
            Err(err) => break Some(err),
        }
    };
    file.shutdown().await?;
    match broke {
        None => Ok(size),
        Some(err) => Err(ResumeError::Http(err)),
    }
}

/// The first byte of `bytes FIRST-LAST/SIZE` (SIZE a number, or `*` when unknown); `None` for
/// anything else, `bytes */SIZE` included.
fn starts_at(content_range: &str) -> Option<u64> {
    let rest = content_range.strip_prefix("bytes ")?;
    let (span, size) = rest.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let first = first.parse::<u64>().ok()?;
    let last = last.parse::<u64>().ok()?;
    if last < first {
        return None;
    }
    if size != "*" && size.parse::<u64>().ok()? <= last {
        return None;
    }
    Some(first)
}
