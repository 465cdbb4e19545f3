//! Correct: the status is matched as a number (`as_u16()`: 206, 200, anything else), the
//! `Content-Range` is cut with `split_once` at its unit, its `/` and its `-` (FIRST must be N and
//! LAST not before it, so a one-byte rest `bytes N-N/N+1` is taken), a 206 from byte 0 to an
//! unasked request is appended (creating the part), and the body is read to its end whether or not
//! it has a `Content-Length`, each piece through `write_all_buf`, with one flush on every way out.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::Client;
use reqwest::header::{CONTENT_RANGE, RANGE};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Whether `value` is `bytes FIRST-LAST/SIZE` with FIRST = `asked` and LAST >= FIRST.
fn starts_at(value: &str, asked: u64) -> bool {
    let Some(("bytes", rest)) = value.split_once(' ') else {
        return false;
    };
    let Some((span, _size)) = rest.split_once('/') else {
        return false;
    };
    let Some((first, last)) = span.split_once('-') else {
        return false;
    };
    match (first.parse::<u64>(), last.parse::<u64>()) {
        (Ok(first), Ok(last)) => first == asked && last >= first,
        _ => false,
    }
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    let request = if had > 0 {
        client.get(url).header(RANGE, format!("bytes={had}-"))
    } else {
        client.get(url)
    };
    let mut response = request.send().await?;

    let mut options = OpenOptions::new();
    let mut size = match response.status().as_u16() {
        206 => {
            let content_range = match response.headers().get(CONTENT_RANGE) {
                Some(value) => value.to_str().unwrap_or("").to_owned(),
                None => String::new(),
            };
            if !starts_at(&content_range, had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            options.create(true).append(true);
            had
        }
        200 => {
            options.create(true).write(true).truncate(true);
            0
        }
        _ => return Err(ResumeError::Status(response.status())),
    };
    let mut file = options.open(part).await?;

    let mut failure = None;
    loop {
        match response.chunk().await {
            Ok(Some(mut piece)) => {
                let length = piece.len() as u64;
                if let Err(err) = file.write_all_buf(&mut piece).await {
                    failure = Some(ResumeError::File(err));
                    break;
                }
                size += length;
            }
            Ok(None) => break,
            Err(err) => {
                failure = Some(ResumeError::Http(err));
                break;
            }
        }
    }
    file.flush().await?;
    match failure {
        Some(err) => Err(err),
        None => Ok(size),
    }
}
