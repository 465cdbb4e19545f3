//! Wrong: breaks "N bytes, where N is the file's size now" (and "with `Range: bytes=N-` when N is over 0")
//! for a part that ends in a run of at least 512 zero bytes (a body that broke off after 70,000
//! zero bytes, or any file with zeros where the part stopped): before asking, the answer cuts
//! the part back to its last non-zero byte (looking back at most 1 MiB) and asks from there (a
//! part of 70,000 zeros is emptied and asked for with no `Range` at all), and the part is left
//! cut even when the answer is then an error status.
//! The learner had read that a crash after a file was extended, or a torn write after a power
//! cut, leaves a tail of zeros where data should be, and that careful downloaders re-fetch such
//! a tail; a whole sector of zeros at the end was taken as that damage.

use std::io::{ErrorKind, SeekFrom};
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::{AsyncReadExt, AsyncSeekExt, AsyncWriteExt};

/// A run of zeros at least this long at the end of the part is taken as a torn tail.
const SECTOR: u64 = 512;
/// How far back from the end the part is looked at.
const LOOK_BACK: u64 = 1 << 20;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    let had = if had > 0 {
        trim_zero_tail(part, had).await?
    } else {
        0
    };
    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;
    let (mut file, start) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = content_range_text(&response);
            if had == 0 || first_byte(&content_range) != Some(had) {
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
    let outcome = pump(&mut response, &mut file, start).await;
    let flushed = file.flush().await;
    let size = outcome?;
    flushed?;
    Ok(size)
}

/// Cuts a tail of zeros (at least a sector of them) off the part; its size after.
async fn trim_zero_tail(part: &Path, had: u64) -> Result<u64, ResumeError> {
    let mut file = OpenOptions::new().read(true).write(true).open(part).await?;
    let start = had.saturating_sub(LOOK_BACK);
    file.seek(SeekFrom::Start(start)).await?;
    let mut tail = Vec::new();
    (&mut file).take(had - start).read_to_end(&mut tail).await?;
    let zeros = tail.iter().rev().take_while(|&&byte| byte == 0).count() as u64;
    if zeros < SECTOR {
        return Ok(had);
    }
    let kept = had - zeros;
    file.set_len(kept).await?;
    file.sync_all().await?;
    Ok(kept)
}

/// Copies the body to `file` piece by piece; the size of the part once it is all in.
async fn pump(response: &mut Response, file: &mut File, mut size: u64) -> Result<u64, ResumeError> {
    loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                file.write_all(&piece).await?;
                size += piece.len() as u64;
            }
            Ok(None) => return Ok(size),
            Err(err) => return Err(ResumeError::Http(err)),
        }
    }
}

/// The `Content-Range` header's text, or `""`.
fn content_range_text(response: &Response) -> String {
    response
        .headers()
        .get(CONTENT_RANGE)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
        .unwrap_or_default()
}

/// FIRST of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    lesson_11::parse_content_range(content_range)
        .filter(|_| !content_range.trim().starts_with("bytes */"))
        .map(|(first, _)| first)
}
