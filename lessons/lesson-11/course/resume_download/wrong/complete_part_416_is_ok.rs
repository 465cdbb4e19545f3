//! Wrong: breaks "any other status (a 416, a 404, a 503, a 300 …): `Err(ResumeError::Status(status))`, and `part` is left as it was"
//! Copied from lesson 11's `download`: a `416 Range Not Satisfiable` whose `Content-Range` is
//! `bytes */SIZE` with SIZE equal to the part's size means the part is the whole file already
//! (an earlier attempt stopped after its last byte), so this returns `Ok(N)` with the part
//! untouched, instead of `Err(ResumeError::Status(416))`. The exercise's contract has no such
//! case: every status but 206 and 200 is an error. Any other 416 (no `Content-Range`, or a size
//! that is not the part's) is still `Err(Status(416))`, and the part is never written on a 416,
//! so a check that answers 416 with a generic or mismatched `Content-Range`, or only looks at
//! the part, passes.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(err.into()),
    };

    let request = if had > 0 {
        client.get(url).header(RANGE, format!("bytes={had}-"))
    } else {
        client.get(url)
    };
    let mut response = request.send().await?;

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = content_range_of(&response);
            let first = content_range
                .strip_prefix("bytes ")
                .and_then(|rest| rest.split_once('-'))
                .and_then(|(first, rest)| {
                    let _last: u64 = rest.split_once('/')?.0.parse().ok()?;
                    first.parse::<u64>().ok()
                });
            if first != Some(had) {
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
        StatusCode::RANGE_NOT_SATISFIABLE if had > 0 => {
            // Nothing from byte `had` on: if the file is exactly `had` bytes long, the part is
            // already the whole of it, and there is nothing left to do.
            let whole = content_range_of(&response)
                .strip_prefix("bytes */")
                .and_then(|size| size.parse::<u64>().ok());
            if whole == Some(had) {
                return Ok(had);
            }
            return Err(ResumeError::Status(StatusCode::RANGE_NOT_SATISFIABLE));
        }
        status => return Err(ResumeError::Status(status)),
    };

    loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                file.write_all(&piece).await?;
                size += piece.len() as u64;
            }
            Ok(None) => {
                file.flush().await?;
                return Ok(size);
            }
            Err(err) => {
                file.flush().await?;
                return Err(ResumeError::Http(err));
            }
        }
    }
}

/// The answer's `Content-Range`, as text, or `""`.
fn content_range_of(response: &Response) -> String {
    response
        .headers()
        .get(CONTENT_RANGE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}
