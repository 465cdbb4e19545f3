//! Wrong: breaks "- no panic." (for a `206` whose `Content-Range` starts `bytes ` but has no `/SIZE`)
//! The learner refuses every odd form they have seen named, one guard each (no header, not text,
//! another unit, `bytes=`, the `bytes */SIZE` of a 416), and then reads what is left as the RFC's
//! grammar says it must be: "a Content-Range always ends in `/SIZE` or `/*`", so `find('/')` gets
//! an `expect`. A server that sends `Content-Range: bytes 5003-9999` (the total left out, as some
//! hand-written servers and proxies do) or `bytes 5003-` makes it panic instead of refusing it as
//! `WrongRange`.

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
            let content_range = match response.headers().get(CONTENT_RANGE) {
                Some(value) => value.to_str().unwrap_or_default().to_owned(),
                None => String::new(),
            };
            let refuse = |content_range: String| ResumeError::WrongRange {
                asked: had,
                content_range,
            };
            // The forms a server may send instead of `bytes FIRST-LAST/SIZE`: refused.
            if !content_range.starts_with("bytes ") || content_range.starts_with("bytes */") {
                return Err(refuse(content_range));
            }
            // What is left has the RFC's shape: `bytes FIRST-LAST/SIZE`.
            let slash = content_range
                .find('/')
                .expect("a Content-Range always ends in /SIZE or /*");
            let span = &content_range["bytes ".len()..slash];
            let Some((first, last)) = span.split_once('-') else {
                return Err(refuse(content_range));
            };
            match (first.parse::<u64>(), last.parse::<u64>()) {
                (Ok(first), Ok(last)) if first == had && first <= last => {}
                _ => return Err(refuse(content_range)),
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
