//! Wrong: breaks "a `206` whose `Content-Range` starts elsewhere … is `Err(ResumeError::WrongRange { asked: N, content_range })` … and `part` is left as it was"
//! The learner checks the header the way a Python one-liner does, `cr.startswith("bytes ") and
//! f"{start}-" in cr`: the unit must be bytes, and "N-" must be in it, whatever LAST and SIZE look
//! like (a number or `*`); a 206 to a request that asked no range is refused outright. It refuses
//! `items …`, `bytes */N`, a 206 from byte 0 and one from most other bytes; but a 206 from a byte
//! whose digits end in N's (asked 5003, got `bytes 15003-…`) is appended.

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

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            // With nothing asked (N = 0), a 206 is the server's mistake: refused.
            let starts_where_asked = had > 0
                && content_range.starts_with("bytes ")
                && content_range.contains(&format!("{had}-"));
            if !starts_where_asked {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            (file, had)
        }
        StatusCode::OK => (File::create(part).await?, 0),
        status => return Err(ResumeError::Status(status)),
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
