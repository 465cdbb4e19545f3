//! Wrong: breaks "- no panic." for a `416` that does not say the file's size (no `Content-Range`, or one not of the form `bytes */SIZE`), as servers send that skip RFC 9110's SHOULD
//!
//! A `416` still ends in `Err(ResumeError::Status(416))`, the part left as it was; but first the
//! answer tells the user whether the part is already the whole file or longer than it, from the
//! size the `416` gives in `Content-Range: bytes */SIZE`. The learner read that a server
//! answers a byte range it cannot satisfy with that header, and took the "SHOULD" for a "MUST":
//! the size is read with `expect`. A `416` without the header, or with another form, panics.
//! The checks' `416`s (for a file the part's size, and for one smaller) say the size, since
//! that is what tells the two apart; the statuses swept by number are the others.

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
        Err(err) => return Err(err.into()),
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
                .unwrap_or_default();
            if first_byte(content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: content_range.to_owned(),
                });
            }
            OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?
        }
        StatusCode::OK => tokio::fs::File::create(part).await?,
        StatusCode::RANGE_NOT_SATISFIABLE => {
            // RFC 9110: a 416 to a byte range says the file's size now, `bytes */SIZE`.
            let size: u64 = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .and_then(|text| text.strip_prefix("bytes */"))
                .and_then(|size| size.parse().ok())
                .expect("a 416 says the file's size");
            if size == had {
                eprintln!("{}: the part is the whole file already", part.display());
            } else {
                eprintln!(
                    "{}: the part holds {had} bytes, the file {size}: delete it to start again",
                    part.display()
                );
            }
            return Err(ResumeError::Status(StatusCode::RANGE_NOT_SATISFIABLE));
        }
        status => return Err(ResumeError::Status(status)),
    };

    let mut size = if response.status() == StatusCode::OK {
        0
    } else {
        had
    };
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                file.write_all(&piece).await?;
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
