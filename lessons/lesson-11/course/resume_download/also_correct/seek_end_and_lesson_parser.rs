//! Correct, written another way: the 206 is judged with the lesson's own
//! `lesson_11::parse_content_range` (refusing the `bytes */SIZE` form), the part is opened for
//! writing and sought to its end (`AsyncSeekExt::seek(SeekFrom::End(0))`) instead of opened in
//! append mode, a 200 opens it with `truncate(true)`; the body is copied by a helper that uses
//! `?` freely, the caller flushes whatever that helper returned, and the size returned is the
//! open file's own `metadata()` once flushed, not a count kept along the way.

use std::io::{ErrorKind, SeekFrom};
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::{AsyncSeekExt, AsyncWriteExt};

/// Copies the body to `file` as it comes; stops at the first error, whatever it is.
async fn copy_body(response: &mut Response, file: &mut File) -> Result<(), ResumeError> {
    while let Some(piece) = response.chunk().await? {
        file.write_all(&piece).await?;
    }
    Ok(())
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(err.into()),
    };

    let range = (had > 0).then(|| format!("bytes={had}-"));
    let request = match range {
        Some(range) => client.get(url).header(RANGE, range),
        None => client.get(url),
    };
    let mut response = request.send().await?;

    let mut file = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            let unsatisfied = content_range.trim().starts_with("bytes */");
            match lesson_11::parse_content_range(&content_range) {
                Some((first, _)) if first == had && !unsatisfied => {}
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
            }
            let mut file = OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(false)
                .open(part)
                .await?;
            file.seek(SeekFrom::End(0)).await?;
            file
        }
        StatusCode::OK => {
            OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .open(part)
                .await?
        }
        status => return Err(ResumeError::Status(status)),
    };

    // Whatever ended the copy, what came is written out before the answer is given.
    let copied = copy_body(&mut response, &mut file).await;
    file.flush().await?;
    copied?;
    Ok(file.metadata().await?.len())
}
