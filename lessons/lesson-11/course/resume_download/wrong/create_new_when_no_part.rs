//! Wrong: breaks "`200 OK`: the server sends the whole file from its first byte (it ignored the range, or the file changed): `part` is emptied, then the body written from the start"
//! Lesson 08's rule for a file written from nothing: open it with `create_new(true)`, "fail rather
//! than reuse a file (or follow a symlink) already at that name", so that a download started
//! meanwhile by another run is never clobbered. The learner applies it when N is 0 ("there was no
//! part: this is a fresh download") and keeps `File::create` for a 200 over a part with bytes in
//! it. But N is 0 for an empty part too, which exists: a 200 to it fails with `AlreadyExists`
//! instead of filling it.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

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
    let mut file = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            match lesson_11::parse_content_range(&content_range) {
                Some((first, _)) if had > 0 && first == had => {
                    OpenOptions::new().append(true).open(part).await?
                }
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
            }
        }
        // A fresh download: lesson 08's `create_new`, never reuse a file already at that name.
        StatusCode::OK if had == 0 => {
            OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(part)
                .await?
        }
        // The server ignored the range: our part is of no use, empty it.
        StatusCode::OK => File::create(part).await?,
        status => return Err(ResumeError::Status(status)),
    };

    let mut size = if had > 0 && response.status() == StatusCode::PARTIAL_CONTENT {
        had
    } else {
        0
    };
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    break Err(ResumeError::File(err));
                }
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}
