//! Wrong: breaks "a body that breaks off is `Err(ResumeError::Http(err))`, with every byte that arrived before the break written to `part`, so that a later call resumes from there"
//! The learner wraps the file in a `BufWriter` (the standard advice for many small writes) and
//! reads with `while let Some(piece) = response.chunk().await?`, flushing after the loop. Hint 2's
//! warning about `?` skipping the flush looked answered: std's `BufWriter` flushes itself when
//! dropped, so the early return "still writes what it holds". tokio's `BufWriter` cannot flush in
//! `drop` (it would have to await), and silently discards its buffer: on a break, the last bytes
//! that arrived (up to 8 KiB; all 27 of a break after 27 bytes) never reach the part.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::{AsyncWriteExt, BufWriter};

/// Whether `bytes FIRST-LAST/SIZE` starts at byte `n`.
fn starts_at(content_range: &str, n: u64) -> bool {
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    let Some(rest) = content_range.strip_prefix("bytes ") else {
        return false;
    };
    let Some((span, size)) = rest.split_once('/') else {
        return false;
    };
    let Some((first, last)) = span.split_once('-') else {
        return false;
    };
    digits(first)
        && digits(last)
        && (size == "*" || digits(size))
        && first.parse::<u64>().ok() == Some(n)
}

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

    let (file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            if !starts_at(&content_range, had) {
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

    // Fewer, larger writes; the writer flushes itself if we leave early (so the learner thought).
    let mut out = BufWriter::new(file);
    while let Some(piece) = response.chunk().await? {
        out.write_all(&piece).await?;
        size += piece.len() as u64;
    }
    out.flush().await?;
    Ok(size)
}
