//! Wrong: breaks "no panic"
//! The learner wanted lesson 11's progress on stderr without a bar, and copied `main.rs`'s
//! percentage, `received * 100 / args.size.max(1)`, with the total taken tqdm-style from
//! `content_length().unwrap_or(0)` (plus N for a 206), dropping the `.max(1)` since "a download
//! always has a size". A `200` sent in chunks, with no `Content-Length`, has a total of 0, and the
//! first piece divides by zero.

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
    let (mut file, mut size, total) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            match lesson_11::parse_content_range(&content_range) {
                Some((first, _)) if had > 0 && first == had => {}
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
            }
            let file = OpenOptions::new().append(true).open(part).await?;
            let total = had + response.content_length().unwrap_or(0);
            (file, had, total)
        }
        StatusCode::OK => {
            let file = File::create(part).await?;
            (file, 0, response.content_length().unwrap_or(0))
        }
        status => return Err(ResumeError::Status(status)),
    };

    // Every tenth of the way, a line on stderr, as lesson 11's program says "40%".
    let mut tenths_shown = 0;
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    break Err(ResumeError::File(err));
                }
                size += piece.len() as u64;
                let percent = size * 100 / total;
                if percent / 10 > tenths_shown {
                    tenths_shown = percent / 10;
                    eprintln!("{}: {percent}% ({size} of {total} bytes)", part.display());
                }
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}
