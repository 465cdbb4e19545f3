//! Wrong: breaks "`200 OK`: the server sends the whole file from its first byte (it ignored the range, or the file changed): `part` is emptied, then the body written from the start"
//! The learner read "a 200 means the server ignored the range" and saved the rewrite: the first N
//! bytes of the body are the ones the part already holds, so they are read and dropped, and only
//! what follows is appended (a trick from download-script blog posts). Against a server that
//! ignores ranges the file comes out right; but when the file changed, got shorter or empty, or the
//! body breaks off within its first N bytes, the part keeps the old bytes instead of being emptied,
//! and `Ok` reports N plus what was appended.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
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
    // How many bytes at the start of the body the part already holds.
    let mut skip = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            let first = content_range
                .strip_prefix("bytes ")
                .and_then(|range| range.split_once('-'))
                .and_then(|(first, _)| first.parse::<u64>().ok());
            if first != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            0
        }
        // The whole file again: its first `had` bytes are already in the part.
        StatusCode::OK => had,
        status => return Err(ResumeError::Status(status)),
    };
    let mut file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(part)
        .await?;
    let mut size = had;
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                let dropped = skip.min(piece.len() as u64);
                skip -= dropped;
                let rest = &piece[dropped as usize..];
                if rest.is_empty() {
                    continue;
                }
                if let Err(err) = file.write_all(rest).await {
                    break Err(ResumeError::File(err));
                }
                size += rest.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}
