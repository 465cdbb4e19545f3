//! Wrong: breaks "`200 OK`: the server sends the whole file from its first byte (it ignored the range, or the file changed): `part` is emptied, then the body written from the start"
//! Written by a curl/wget user. `curl -C -` meets a 200 to its range with "HTTP server doesn't seem
//! to support byte ranges. Cannot resume." (exit 33), and `wget -c` with "Refusing to truncate
//! existing file": the learner kept that caution, so with a part of N > 0 bytes a 200 is refused as
//! `Status(200)` and the part kept "for a server that can resume"; with no part, a 200 is the
//! ordinary fresh download and is written. Everything else (206, errors, the loop) is right.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// `bytes FIRST-LAST/SIZE` (SIZE a number or `*`) as FIRST; `None` for anything else.
fn first_byte(text: &str) -> Option<u64> {
    let (span, size) = text.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let first: u64 = first.parse().ok()?;
    let last: u64 = last.parse().ok()?;
    let size_ok = size == "*" || size.parse::<u64>().is_ok_and(|size| last < size);
    (first <= last && size_ok).then_some(first)
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    // `-C -`: the offset is the size of the output file.
    let offset = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    let mut request = client.get(url);
    if offset > 0 {
        request = request.header(RANGE, format!("bytes={offset}-"));
    }
    let mut response = request.send().await?;

    let status = response.status();
    let mut options = OpenOptions::new();
    if status == StatusCode::PARTIAL_CONTENT {
        let content_range = response
            .headers()
            .get(CONTENT_RANGE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or("")
            .to_owned();
        if first_byte(&content_range) != Some(offset) {
            return Err(ResumeError::WrongRange {
                asked: offset,
                content_range,
            });
        }
        options.create(true).append(true);
    } else if status == StatusCode::OK && offset == 0 {
        // Nothing to resume: a plain download, as `curl -o part` would do.
        options.create(true).write(true).truncate(true);
    } else {
        // A 200 to `Range: bytes=N-` lands here too: "Cannot resume", the part is kept.
        return Err(ResumeError::Status(status));
    }
    let mut file = options.open(part).await?;

    let mut size = offset;
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
