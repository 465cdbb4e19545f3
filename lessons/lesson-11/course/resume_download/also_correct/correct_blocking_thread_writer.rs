//! Correct: the disk work runs on one blocking thread with a plain `std::fs::File`: the answer is
//! judged first (206 from exactly byte N, 200, or an error, with the part untouched), the part is
//! opened with tokio and turned into a std `File`, then `spawn_blocking` writes every piece it
//! receives through a `tokio::sync::mpsc` channel of one slot (`blocking_recv`), while this
//! function reads `chunk()`. At the end, or at a break, the sender is dropped and the writer
//! awaited, so every piece that arrived is written before the function returns.

use std::io::{ErrorKind, Write};
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

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

    let (file, start) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or("")
                .to_owned();
            // With no range asked, a 206 is the server's mistake: refused (the contract allows it).
            if had == 0 || !starts_at(&content_range, had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            let file = tokio::fs::OpenOptions::new()
                .append(true)
                .create(true)
                .open(part)
                .await?;
            (file, had)
        }
        StatusCode::OK => (tokio::fs::File::create(part).await?, 0),
        status => return Err(ResumeError::Status(status)),
    };
    let file = file.into_std().await;

    let (sender, receiver) = mpsc::channel(1);
    let writer = spawn_writer(file, receiver);

    let mut size = start;
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                let length = piece.len() as u64;
                if sender.send(piece).await.is_err() {
                    // The writer stopped on a file error: it is reported below.
                    break Ok(size);
                }
                size += length;
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

/// Writes every piece received to `file`, in order, on a blocking thread; then flushes.
fn spawn_writer<B>(
    mut file: std::fs::File,
    mut pieces: mpsc::Receiver<B>,
) -> JoinHandle<std::io::Result<()>>
where
    B: AsRef<[u8]> + Send + 'static,
{
    tokio::task::spawn_blocking(move || {
        while let Some(piece) = pieces.blocking_recv() {
            file.write_all(piece.as_ref())?;
        }
        file.flush()
    })
}

/// Whether `content_range` is `bytes FIRST-LAST/SIZE` (SIZE a number or `*`) with FIRST = `had`.
fn starts_at(content_range: &str, had: u64) -> bool {
    let Some(rest) = content_range.strip_prefix("bytes ") else {
        return false;
    };
    let Some((span, total)) = rest.split_once('/') else {
        return false;
    };
    let Some((first, last)) = span.split_once('-') else {
        return false;
    };
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit());
    if !digits(first) || !digits(last) || !(total == "*" || digits(total)) {
        return false;
    }
    match (first.parse::<u64>(), last.parse::<u64>()) {
        (Ok(first), Ok(last)) => first == had && first <= last,
        _ => false,
    }
}
