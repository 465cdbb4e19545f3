//! Correct: takes the other permitted choice for a 206 to a request that asked no range: one from
//! byte 0 is appended (the part is created by `create(true).append(true)`); the file work lives in
//! a small `Sink` (open once, `put` each piece, `close` flushes and gives the size) whose `close`
//! is called on both the end and the break, and the `Content-Range` is judged with
//! `rsplit_once('/')` and `split_once('-')`.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// The part, open for the body, and its size so far.
struct Sink {
    file: File,
    size: u64,
}

impl Sink {
    /// After a 206 from byte `had`: append to what is there (created when `had` is 0).
    async fn after(part: &Path, had: u64) -> std::io::Result<Sink> {
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(part)
            .await?;
        Ok(Sink { file, size: had })
    }

    /// After a 200: the part is emptied, the body goes from byte 0.
    async fn over(part: &Path) -> std::io::Result<Sink> {
        Ok(Sink {
            file: File::create(part).await?,
            size: 0,
        })
    }

    async fn put(&mut self, piece: &[u8]) -> std::io::Result<()> {
        self.file.write_all(piece).await?;
        self.size += piece.len() as u64;
        Ok(())
    }

    /// Waits for the last write, and gives the part's size.
    async fn close(mut self) -> std::io::Result<u64> {
        self.file.flush().await?;
        Ok(self.size)
    }
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = tokio::fs::metadata(part)
        .await
        .map(|metadata| metadata.len())
        .or_else(|err| {
            if err.kind() == ErrorKind::NotFound {
                Ok(0)
            } else {
                Err(err)
            }
        })?;

    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

    let status = response.status();
    let mut sink = if status == StatusCode::PARTIAL_CONTENT {
        let text = response
            .headers()
            .get(CONTENT_RANGE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or("");
        if first_byte(text) != Some(had) {
            return Err(ResumeError::WrongRange {
                asked: had,
                content_range: text.to_owned(),
            });
        }
        Sink::after(part, had).await?
    } else if status == StatusCode::OK {
        Sink::over(part).await?
    } else {
        return Err(ResumeError::Status(status));
    };

    loop {
        match response.chunk().await {
            Ok(Some(piece)) => sink.put(&piece).await?,
            Ok(None) => return Ok(sink.close().await?),
            Err(err) => {
                sink.close().await?;
                return Err(ResumeError::Http(err));
            }
        }
    }
}

/// FIRST of `bytes FIRST-LAST/SIZE`, SIZE a number or `*`, LAST not before FIRST.
fn first_byte(text: &str) -> Option<u64> {
    let rest = text.strip_prefix("bytes ")?;
    let (span, size) = rest.rsplit_once('/')?;
    if size != "*" && size.parse::<u64>().is_err() {
        return None;
    }
    let (first, last) = span.split_once('-')?;
    let first = first.parse::<u64>().ok()?;
    let last = last.parse::<u64>().ok()?;
    (first <= last).then_some(first)
}
