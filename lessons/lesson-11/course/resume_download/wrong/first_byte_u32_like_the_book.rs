//! Wrong: breaks "`206 Partial Content` whose `Content-Range` starts at byte N (`bytes N-LAST/SIZE`, …): its body is appended to `part`"
//! As hint 2 says, the learner splits off FIRST and parses only that, with the type of the first
//! number every Rust learner parses (the Book's guessing game: `let guess: u32 =
//! guess.trim().parse()`); `had == u64::from(first)` then compiled at once. LAST and SIZE are never
//! parsed, so the rest of a 5 GB file passes; but a part of 4 GiB or more can never be resumed: its
//! right `Content-Range` does not parse as a `u32` and is refused as `WrongRange`.

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
            let starts_where_asked =
                first_byte(&content_range).is_some_and(|first| had == u64::from(first));
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

/// FIRST of `bytes FIRST-LAST/SIZE`; `None` when the header is in another form.
fn first_byte(content_range: &str) -> Option<u32> {
    let span = content_range.strip_prefix("bytes ")?;
    let (first, rest) = span.split_once('-')?;
    // LAST/SIZE must follow; only FIRST matters for where the body goes.
    rest.split_once('/')?;
    first.parse().ok()
}
