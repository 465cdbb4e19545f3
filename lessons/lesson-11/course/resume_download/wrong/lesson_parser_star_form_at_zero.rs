//! Wrong: breaks "with N = 0 no range was asked, and a `206` is the server's mistake: one from byte 0 may be appended, as this rule says, or refused as `WrongRange`; one from another byte, or with no `Content-Range`, is refused"
//! The careful learner judged the 206 with the lesson's own `lesson_11::parse_content_range`, as
//! `download` does, but without `download`'s `had > 0`, since the contract allows a 206 from byte 0
//! to be appended when N = 0. The lesson's parser reads the unsatisfied-range form `bytes */SIZE`,
//! which names no bytes at all, as `(0, Some(SIZE))`: with N over 0 that is refused as it must be
//! (0 is not N), but to an empty or missing part a 206 with `Content-Range: bytes */5003` counts as
//! "from byte 0", a part is created and its body written, where the contract wants `WrongRange` and
//! no part made.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::{ResumeError, parse_content_range};
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    // Hint 2: the part's size, a `NotFound` meaning 0.
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

    // As in the lesson's `attempt`, the status first, then the `Content-Range` with its parser.
    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            match parse_content_range(&content_range) {
                // From exactly the byte we have; with N = 0 a 206 from byte 0 may be appended
                // (the contract), so the lesson's `had > 0` is left out. `create` for that case.
                Some((first, _)) if first == had => {
                    let file = OpenOptions::new()
                        .create(true)
                        .append(true)
                        .open(part)
                        .await?;
                    (file, had)
                }
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
            }
        }
        StatusCode::OK => (tokio::fs::File::create(part).await?, 0),
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
