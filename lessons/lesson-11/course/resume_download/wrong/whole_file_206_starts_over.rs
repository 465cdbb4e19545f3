//! Wrong: breaks "a `206` whose `Content-Range` starts elsewhere, or that has none, is `Err(ResumeError::WrongRange { asked: N, content_range })` … and `part` is left as it was"
//! The learner had read that some servers answer any range with the whole file labelled 206 (`bytes
//! 0-LAST/SIZE` with LAST + 1 = SIZE), and reasoned that such an answer is "a 200 with another
//! status": the part is emptied and the body written from the start, like a 200. A 206 from byte N
//! is appended and any partial slice from elsewhere refused, as asked; but a 206 covering the whole
//! file, sent to a request for the bytes from N on, overwrites the part instead of being refused.

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
                .unwrap_or("")
                .to_owned();
            match parse_content_range(&content_range) {
                Some((first, _, _)) if had > 0 && first == had => {
                    (OpenOptions::new().append(true).open(part).await?, had)
                }
                // The whole file, only labelled 206: as good as a 200.
                Some((0, last, Some(total))) if last.checked_add(1) == Some(total) => {
                    (File::create(part).await?, 0)
                }
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
            }
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

/// `bytes FIRST-LAST/SIZE` as `(FIRST, LAST, Some(SIZE))`, or with `None` for a `*` size;
/// `None` for any other form, or LAST before FIRST.
fn parse_content_range(text: &str) -> Option<(u64, u64, Option<u64>)> {
    let (span, total) = text.strip_prefix("bytes ")?.split_once('/')?;
    let total = match total {
        "*" => None,
        total => Some(total.parse::<u64>().ok()?),
    };
    let (first, last) = span.split_once('-')?;
    let (first, last): (u64, u64) = (first.parse().ok()?, last.parse().ok()?);
    (first <= last).then_some((first, last, total))
}
