//! Wrong: breaks "`200 OK`: the server sends the whole file from its first byte (it ignored the range, or the file changed): `part` is emptied, then the body written from the start" (and "`Ok(size)`: the size of `part` once the body is all in")
//! What the learner did: Python's `mode = "ab" if resumed else "wb"`, then
//! `with open(part, mode) as f: f.write(chunk)` for every chunk, in Rust: one
//! `tokio::fs::OpenOptions` worked out from the status (`append` for a right 206; `write`,
//! `create`, `truncate` for a 200), opened once at once (so a 200 empties the part before the
//! body, and a missing folder shows early), then opened again for every piece, which is written,
//! flushed and closed. The same options, `truncate` included, serve every open, so a 200 of
//! several pieces leaves only its last piece in the part, while the size counts them all.
//! Why a learner thinks it right: no handle is kept across the network's waits, every piece is
//! flushed and closed before the next is read (the hint's worry about a tokio `File` still
//! writing after the function returns cannot arise), a 206 appends correctly, and a 200 that fits
//! in one piece (7,000 bytes from the mock) is right too.

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

    // The mode of the part, from the answer: "ab" for the rest, "wb" for the whole file.
    let mut mode = OpenOptions::new();
    let mut size = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
                .unwrap_or_default();
            let starts_right = matches!(
                lesson_11::parse_content_range(&content_range),
                Some((first, _)) if had > 0 && first == had
            );
            if !starts_right {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            mode.append(true);
            had
        }
        StatusCode::OK => {
            mode.write(true).create(true).truncate(true);
            0
        }
        status => return Err(ResumeError::Status(status)),
    };
    // Opened once now: a 200 empties the part before any piece, and a part that cannot be
    // opened is an error before the body is read.
    let mut file = mode.open(part).await?;
    file.flush().await?;
    drop(file);

    loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                // `with open(part, mode) as f: f.write(chunk)`: written, flushed, closed.
                let mut file = mode.open(part).await?;
                file.write_all(&piece).await?;
                file.flush().await?;
                size += piece.len() as u64;
            }
            Ok(None) => return Ok(size),
            Err(err) => return Err(ResumeError::Http(err)),
        }
    }
}
