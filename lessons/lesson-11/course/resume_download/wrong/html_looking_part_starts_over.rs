//! Wrong: breaks "one GET of `url` through `client`, with `Range: bytes=N-` when N is over 0"
//! The learner was once bitten by `curl -o` without `--fail`: a hotel portal's login page saved as
//! the first kilobytes of an ISO, then "resumed" into a corrupt file. So before resuming, the part's
//! first bytes are sniffed, and a part that begins like a web page (`<!DOCTYPE html`, `<html`) is
//! not trusted: N is taken as 0 and no range is asked, so the server sends the whole file again.
//! Every part the checks leave is bytes of the mock's binary file and never looks like HTML; the
//! part of a real HTML (or XHTML) download does, and is fetched again from byte 0 every time.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let size_now = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    // An error page an earlier attempt saved is not the file's first bytes: do not build on it.
    let had = if size_now > 0 && looks_like_a_web_page(part).await {
        0
    } else {
        size_now
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
                .unwrap_or("")
                .to_owned();
            // No range asked: a 206 is the server's mistake, refused.
            if had == 0 || !starts_at(&content_range, had) {
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

/// Whether the part begins as an HTML page does (a byte-order mark and blanks allowed before it).
async fn looks_like_a_web_page(part: &Path) -> bool {
    let Ok(mut file) = File::open(part).await else {
        return false;
    };
    let mut head = [0_u8; 256];
    let Ok(read) = file.read(&mut head).await else {
        return false;
    };
    let text = String::from_utf8_lossy(&head[..read]);
    let text = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .to_ascii_lowercase();
    text.starts_with("<!doctype html") || text.starts_with("<html")
}

/// Whether `content_range` is `bytes FIRST-LAST/SIZE` (SIZE a number or `*`) with FIRST = `had`.
fn starts_at(content_range: &str, had: u64) -> bool {
    let Some(rest) = content_range.strip_prefix("bytes ") else {
        return false;
    };
    let Some((span, total)) = rest.split_once('/') else {
        return false;
    };
    let Some((first, last)) = span.split_once('-') else {
        return false;
    };
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit());
    if !digits(first) || !digits(last) || !(total == "*" || digits(total)) {
        return false;
    }
    match (first.parse::<u64>(), last.parse::<u64>()) {
        (Ok(first), Ok(last)) => first == had && first <= last,
        _ => false,
    }
}
