//! Correct: the part's size is read from a read-only handle (`File::open` then `metadata`, so a
//! missing part is `NotFound` and a path through a regular file is `NotADirectory`, as with
//! `fs::metadata`), the header is decoded as UTF-8 when it is UTF-8 and lossily otherwise (never
//! a panic), and the body goes through a generic pump over any `AsyncWrite` that returns what it
//! wrote together with how the body ended, so that the flush and `sync_data` run on every way
//! out before the outcome is given back.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::{AsyncWrite, AsyncWriteExt};

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match File::open(part).await {
        Ok(existing) => existing.metadata().await?.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };

    let request = if had == 0 {
        client.get(url)
    } else {
        client.get(url).header(RANGE, format!("bytes={had}-"))
    };
    let mut response = request.send().await?;

    let status = response.status();
    let mut file = if status == StatusCode::PARTIAL_CONTENT {
        let text = header_text(&response);
        if first_of(&text) != Some(had) {
            return Err(ResumeError::WrongRange {
                asked: had,
                content_range: text,
            });
        }
        OpenOptions::new()
            .create(true)
            .append(true)
            .open(part)
            .await?
    } else if status == StatusCode::OK {
        OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(part)
            .await?
    } else {
        return Err(ResumeError::Status(status));
    };
    let start = if status == StatusCode::OK { 0 } else { had };

    let (written, ended) = pump(&mut response, &mut file).await;
    file.flush().await?;
    file.sync_data().await?;
    ended.map(|()| start + written)
}

/// Copies the body into `sink` a piece at a time: the bytes written, and how the body ended.
async fn pump<W>(response: &mut Response, sink: &mut W) -> (u64, Result<(), ResumeError>)
where
    W: AsyncWrite + Unpin,
{
    let mut written = 0u64;
    loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = sink.write_all(&piece).await {
                    return (written, Err(ResumeError::File(err)));
                }
                written += piece.len() as u64;
            }
            Ok(None) => return (written, Ok(())),
            Err(err) => return (written, Err(ResumeError::Http(err))),
        }
    }
}

/// The `Content-Range` as text: UTF-8 when it is, lossily decoded when it is not, `""` if absent.
fn header_text(response: &Response) -> String {
    match response.headers().get(CONTENT_RANGE) {
        None => String::new(),
        Some(value) => match std::str::from_utf8(value.as_bytes()) {
            Ok(text) => text.to_owned(),
            Err(_) => String::from_utf8_lossy(value.as_bytes()).into_owned(),
        },
    }
}

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE digits or `*`, LAST not before FIRST), else `None`.
fn first_of(text: &str) -> Option<u64> {
    let rest = text.strip_prefix("bytes ")?;
    let (span, size) = rest.split_once('/')?;
    if size != "*" && (size.is_empty() || !size.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let (first, last) = span.split_once('-')?;
    let first: u64 = first.parse().ok()?;
    let last: u64 = last.parse().ok()?;
    (first <= last).then_some(first)
}
