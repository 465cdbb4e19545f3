//! Wrong: breaks "- no panic." (for a `206` whose `Content-Range` is there but shorter than six bytes)
//! The learner translated the Python check `if cr[:6] != "bytes ": ...; first, rest =
//! cr[6:].split("-", 1)` line by line: `&text[..6]` and `&text[6..]`. The two cases the stub names,
//! no header and a header that is not text, each get their own early `WrongRange`, so every header
//! the learner thought of reaches the slice with at least six characters; but in Rust a slice past
//! the end panics where Python gives a shorter string, so `Content-Range:` with an empty value (or
//! `bytes`, or `*`) panics instead of being refused.

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

    let wrong = |content_range: String| ResumeError::WrongRange {
        asked: had,
        content_range,
    };

    let mut file = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let text = match response.headers().get(CONTENT_RANGE) {
                None => return Err(wrong(String::new())),
                Some(value) => match value.to_str() {
                    Ok(text) => text.to_owned(),
                    Err(_) => return Err(wrong(String::new())),
                },
            };
            // cr[:6] != "bytes "
            if &text[..6] != "bytes " {
                return Err(wrong(text));
            }
            // first, rest = cr[6:].split("-", 1); last = rest.split("/")[0]
            let Some((first, rest)) = text[6..].split_once('-') else {
                return Err(wrong(text));
            };
            let last = rest.split('/').next().unwrap_or_default();
            match (first.parse::<u64>(), last.parse::<u64>()) {
                (Ok(first), Ok(last)) if first == had && last >= first => {}
                _ => return Err(wrong(text)),
            }
            OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?
        }
        StatusCode::OK => File::create(part).await?,
        status => return Err(ResumeError::Status(status)),
    };
    let mut size = if response.status() == StatusCode::PARTIAL_CONTENT {
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
