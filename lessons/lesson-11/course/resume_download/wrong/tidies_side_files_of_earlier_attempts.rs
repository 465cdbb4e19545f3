//! Wrong: breaks "`206 Partial Content` whose `Content-Range` starts at byte N …: its body is appended to `part`" by touching more than `part`: a file of another program's beside it (its `{part}.lock`) is deleted.
//! The learner tidies up after earlier attempts: lesson 11's `download` leaves `{dest}.part.etag` beside a part, and this function asks with a `Range` alone, so once it has written the part (a 206 appended or a 200 written over it) any side file named after the part describes a state that is gone; every `{part}.*` in the folder is removed, best effort, the way one cleans `*.part.*` litter by hand.
//! The glob does not know whose files it matches: a lock that another program keeps beside the part (`file.part.lock`), a `.sha256` or `.sig` a user put there, all go with the stale tag, while the part itself is written exactly as the contract asks.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, HeaderValue, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// A number made of ASCII digits only.
fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Whether `bytes FIRST-LAST/SIZE` starts at `n` (SIZE a number or `*`).
fn starts_at(text: &str, n: u64) -> bool {
    let Some((unit, rest)) = text.split_once(' ') else {
        return false;
    };
    if !unit.eq_ignore_ascii_case("bytes") {
        return false;
    }
    let Some((span, size)) = rest.split_once('/') else {
        return false;
    };
    let Some((first, last)) = span.split_once('-') else {
        return false;
    };
    let (Some(first), Some(last)) = (number(first), number(last)) else {
        return false;
    };
    if first != n || last < first {
        return false;
    }
    size == "*" || number(size).is_some_and(|size| last < size)
}

/// Removes the side files earlier attempts left beside `part` (`{part}.etag`, `{part}.tmp`, …):
/// best effort, since they are only litter.
async fn tidy_side_files(part: &Path) {
    let (Some(folder), Some(name)) = (part.parent(), part.file_name()) else {
        return;
    };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let mut prefix = name.to_owned();
    prefix.push(".");
    let Ok(mut entries) = tokio::fs::read_dir(folder).await else {
        return;
    };
    while let Ok(Some(entry)) = entries.next_entry().await {
        let entry_name = entry.file_name();
        if entry_name.len() > prefix.len()
            && entry_name
                .as_encoded_bytes()
                .starts_with(prefix.as_encoded_bytes())
        {
            let _ = tokio::fs::remove_file(entry.path()).await;
        }
    }
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

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let value = response.headers().get(CONTENT_RANGE);
            let good = value
                .and_then(|value| value.to_str().ok())
                .is_some_and(|text| starts_at(text, had));
            if !good {
                let content_range = value
                    .map(HeaderValue::as_bytes)
                    .map(String::from_utf8_lossy)
                    .unwrap_or_default()
                    .into_owned();
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
    // The part has changed: whatever was kept beside it describes the part as it was.
    tidy_side_files(part).await;
    outcome
}
