//! Correct: lesson 11's own pieces, kept as the lesson wrote them: the 206 judged with
//! `lesson_11::parse_content_range` under `download`'s guard (`had > 0 && first == had`, so a 206
//! to a request that asked no range is refused), the body read by the lesson's `select!` loop with
//! its `biased` cancel arm (here a cancel that never comes, `std::future::pending`), progress shown
//! on the lesson's hidden-unless-a-terminal `progress_bar`, and the lesson's `flush` helper
//! (`flush` then `sync_all`) on both ways out of the loop.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::{ResumeError, parse_content_range, progress_bar};
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// As lesson 11's `flush`: what tokio's `File` still buffers is written out, and the OS asked to
/// put it on the disk.
async fn flush(mut file: File) -> Result<(), ResumeError> {
    file.flush().await?;
    file.sync_all().await?;
    Ok(())
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    // What an earlier attempt left.
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

    let (mut received, total) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            // Exactly the bytes we asked for, or nothing.
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            match parse_content_range(&content_range) {
                Some((first, total)) if had > 0 && first == had => (had, total),
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
            }
        }
        // The whole file, from the first byte, whatever we asked.
        StatusCode::OK => (0, response.content_length()),
        status => return Err(ResumeError::Status(status)),
    };
    // A 206 (only ever from byte `had` > 0) continues the part; a 200 starts it again.
    let mut file = if received > 0 {
        OpenOptions::new().append(true).open(part).await?
    } else {
        File::create(part).await?
    };

    let bar = progress_bar(total);
    bar.set_position(received);
    // The lesson's loop, with a cancel that never comes: nothing here stops a download early.
    let cancel = std::future::pending::<()>();
    tokio::pin!(cancel);
    loop {
        let piece = tokio::select! {
            biased;
            () = cancel.as_mut() => {
                flush(file).await?;
                bar.abandon();
                return Err(ResumeError::File(std::io::Error::from(ErrorKind::Interrupted)));
            }
            piece = response.chunk() => piece,
        };
        match piece {
            Ok(Some(bytes)) => {
                file.write_all(&bytes).await?;
                received += bytes.len() as u64;
                bar.set_position(received);
            }
            Ok(None) => break,
            Err(source) => {
                flush(file).await?;
                bar.abandon();
                return Err(ResumeError::Http(source));
            }
        }
    }
    flush(file).await?;
    bar.finish_and_clear();
    Ok(received)
}
