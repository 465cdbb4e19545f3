//! Correct: counts nothing: the size returned is read from the open file (`File::metadata`) once
//! the body is all in and flushed (tokio's `metadata` does not wait for a write in flight, so the
//! flush comes first); the statuses are sorted on `as_u16()`, and the `206`'s `Content-Range` is
//! split into its unit and its first byte.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::Client;
use reqwest::header::{CONTENT_RANGE, RANGE};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    let request = if had == 0 {
        client.get(url)
    } else {
        client.get(url).header(RANGE, format!("bytes={had}-"))
    };
    let mut response = request.send().await?;

    let mut options = OpenOptions::new();
    options.create(true);
    match response.status().as_u16() {
        206 => {
            let content_range = match response.headers().get(CONTENT_RANGE) {
                Some(value) => value.to_str().unwrap_or("").to_owned(),
                None => String::new(),
            };
            let starts_at_had = match content_range.split_once(' ') {
                Some(("bytes", range)) => match range.split_once('-') {
                    Some((first, _)) => first.parse::<u64>() == Ok(had),
                    None => false,
                },
                _ => false,
            };
            if !starts_at_had {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            options.append(true);
        }
        200 => {
            options.write(true).truncate(true);
        }
        _ => return Err(ResumeError::Status(response.status())),
    }
    let mut file = options.open(part).await?;

    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    break Err(ResumeError::File(err));
                }
            }
            Ok(None) => break Ok(()),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome?;
    Ok(file.metadata().await?.len())
}
