//! Correct: the part is opened with `std::fs::OpenOptions` and handed to tokio with
//! `File::from_std` (the learner's habit from blocking code; an open is quick), the `Content-Range`
//! is split on `-` and `/` at once into its three fields, and an unasked 206 from byte 0 is taken
//! as the whole file and written like a 200 (`truncate`, harmless since the part is empty or
//! missing): the contract's "may be appended" choice, reached another way. The size returned is
//! counted from where the body started.

use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::io::AsyncWriteExt;

/// FIRST of `bytes FIRST-LAST/SIZE`, SIZE a number or `*`, LAST not before FIRST.
fn first_of(content_range: &str) -> Option<u64> {
    let fields: Vec<&str> = content_range
        .strip_prefix("bytes ")?
        .split(['-', '/'])
        .collect();
    let [first, last, size] = fields.as_slice() else {
        return None;
    };
    let first: u64 = first.parse().ok()?;
    let last: u64 = last.parse().ok()?;
    if *size != "*" && size.parse::<u64>().is_err() {
        return None;
    }
    (last >= first).then_some(first)
}

enum Target {
    /// Append after the part's N bytes.
    After(u64),
    /// Start the part again from nothing.
    Over,
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match std::fs::metadata(part) {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    let request = if had == 0 {
        client.get(url)
    } else {
        client.get(url).header(RANGE, format!("bytes={had}-"))
    };
    let mut response = request.send().await?;

    let into = match response.status() {
        StatusCode::OK => Target::Over,
        StatusCode::PARTIAL_CONTENT => {
            let header = response
                .headers()
                .get(CONTENT_RANGE)
                .map(|value| value.to_str().map(str::to_owned).unwrap_or_default())
                .unwrap_or_default();
            match first_of(&header) {
                Some(0) if had == 0 => Target::Over,
                Some(first) if first == had && had > 0 => Target::After(had),
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range: header,
                    });
                }
            }
        }
        other => return Err(ResumeError::Status(other)),
    };

    let (std_file, mut size) = match into {
        Target::After(n) => (std::fs::OpenOptions::new().append(true).open(part)?, n),
        Target::Over => (
            std::fs::OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .open(part)?,
            0,
        ),
    };
    let mut file = tokio::fs::File::from_std(std_file);

    let result = loop {
        let piece = match response.chunk().await {
            Ok(Some(piece)) => piece,
            Ok(None) => break Ok(()),
            Err(err) => break Err(ResumeError::Http(err)),
        };
        if let Err(err) = file.write_all(&piece).await {
            break Err(ResumeError::File(err));
        }
        size += piece.len() as u64;
    };
    file.flush().await?;
    result.map(|()| size)
}
