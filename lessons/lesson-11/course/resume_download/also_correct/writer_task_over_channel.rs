//! Correct, written another way: the body is read and written by two tasks joined by a
//! bounded channel (`tokio::sync::mpsc::channel(1)`): this function reads `response.chunk()`
//! and hands each piece to a writer task (`tokio::spawn`) that owns the part's `File`, appends
//! the pieces in order and flushes once the channel closes. Reading the next piece overlaps
//! with writing the last one, and the channel's bound keeps at most a couple of pieces in
//! memory, so the part still grows as the body arrives. After the loop (a complete body or a
//! break) the sender is dropped and the writer task awaited, so every byte that arrived is
//! written and flushed before the function returns; a write error from the task is
//! `ResumeError::File`, and a task that panicked is turned into an `io::Error`, not a panic.
//! The Content-Range check reads `FIRST` as text and compares it with N's digits. A check that
//! expects the writes on the function's own task, or no task spawned, would reject it.

use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;
use tokio::sync::mpsc;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };

    let request = if had > 0 {
        client.get(url).header(RANGE, format!("bytes={had}-"))
    } else {
        client.get(url)
    };
    let mut response = request.send().await?;

    let (file, start) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = match response.headers().get(CONTENT_RANGE) {
                Some(value) => value.to_str().unwrap_or_default().to_owned(),
                None => String::new(),
            };
            let first = content_range
                .strip_prefix("bytes ")
                .and_then(|range| range.split_once('-'))
                .map(|(first, _)| first.to_owned());
            if first != Some(had.to_string()) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            let file = OpenOptions::new()
                .append(true)
                .create(true)
                .open(part)
                .await?;
            (file, had)
        }
        StatusCode::OK => (File::create(part).await?, 0),
        status => return Err(ResumeError::Status(status)),
    };

    let (sender, receiver) = mpsc::channel(1);
    let writer = tokio::spawn(write_pieces(file, receiver));

    let mut size = start;
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                size += piece.len() as u64;
                if sender.send(piece).await.is_err() {
                    // The writer stopped on an error: it is reported below.
                    break Ok(size);
                }
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    // No more pieces: the writer writes what it holds, flushes, and ends.
    drop(sender);
    match writer.await {
        Ok(Ok(())) => outcome,
        Ok(Err(err)) => Err(ResumeError::File(err)),
        Err(join_error) => Err(ResumeError::File(std::io::Error::other(join_error))),
    }
}

/// Appends the pieces received to `file`, in order, until the channel closes; then flushes.
async fn write_pieces<B: AsRef<[u8]>>(
    mut file: File,
    mut pieces: mpsc::Receiver<B>,
) -> std::io::Result<()> {
    while let Some(piece) = pieces.recv().await {
        file.write_all(piece.as_ref()).await?;
    }
    file.flush().await
}
