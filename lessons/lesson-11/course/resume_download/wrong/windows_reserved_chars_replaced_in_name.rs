//! Wrong: breaks "`resume_download(client, url, part)` finishes the download of `url` into the file `part`" (and "N bytes, where N is the file's size now") for a part whose name holds a character Windows forbids (`{tmp}/build:42.part` or `{tmp}/report?.part` on Unix, holding the first 5,003 bytes of `/files/7000`): the answer reads and writes `{tmp}/build_42.part`, asks no `Range`, and leaves the part it was given as it was.
//! The engineer carried over yt-dlp's `sanitize_filename` habit: a name with `: * ? " < > |`
//! would fail on Windows, so those characters become `_`, and the download lands in a name every
//! system accepts. The separators (`/`, `\`) are left alone, and a name that is not UTF-8 is kept
//! as it is, so a backslash or a byte of Latin-1 in the name still works; but the part is the
//! caller's file, named as the caller named it, and on Unix `:` and `?` are ordinary characters.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let part = portable_name(part);
    let had = match tokio::fs::metadata(&part).await {
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
                .open(&part)
                .await?
        }
        StatusCode::OK => tokio::fs::File::create(&part).await?,
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

/// The characters Windows refuses in a file name (the separators aside).
fn reserved(c: char) -> bool {
    matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|')
}

/// `part` with every reserved character of its file name made `_`, so it works everywhere.
fn portable_name(part: &Path) -> PathBuf {
    match part.file_name().and_then(|name| name.to_str()) {
        Some(name) if name.chars().any(reserved) => {
            let safe: String = name
                .chars()
                .map(|c| if reserved(c) { '_' } else { c })
                .collect();
            part.with_file_name(safe)
        }
        _ => part.to_path_buf(),
    }
}

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
