//! Correct: the `Content-Range` is judged by the text it must have rather than by parsing it: it
//! must begin with exactly `bytes {N}-` (the `-` included, so `bytes 50030-` is not `bytes 5003-`),
//! and what follows must be `LAST/SIZE` with LAST a number not before N and SIZE a number or `*`;
//! anything else, an empty or a short header included, is `WrongRange`, never a panic. The status
//! is sorted with `if`/`else if`, every other status (a `101` or a `999` too) being `Status`; the
//! part is opened with `File::options()`, and the pieces are pumped by a helper that hands back the
//! break, if any, so that the one `flush` runs on every way out.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::File;
use tokio::io::AsyncWriteExt;

/// Whether `content_range` is `bytes {had}-LAST/SIZE`, LAST not before `had`, SIZE a number or `*`.
fn starts_at(content_range: &str, had: u64) -> bool {
    let expected = format!("bytes {had}-");
    let Some(tail) = content_range.strip_prefix(expected.as_str()) else {
        return false;
    };
    let Some((last, size)) = tail.split_once('/') else {
        return false;
    };
    let last_fits = last.parse::<u64>().is_ok_and(|last| last >= had);
    let size_fits = size == "*" || size.parse::<u64>().is_ok();
    last_fits && size_fits
}

/// Writes the body to `file` a piece at a time; the bytes written, and the break if the body broke off.
async fn pump(
    response: &mut Response,
    file: &mut File,
) -> Result<(u64, Option<reqwest::Error>), std::io::Error> {
    let mut written = 0;
    loop {
        let piece = match response.chunk().await {
            Ok(Some(piece)) => piece,
            Ok(None) => return Ok((written, None)),
            Err(err) => return Ok((written, Some(err))),
        };
        file.write_all(&piece).await?;
        written += piece.len() as u64;
    }
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = tokio::fs::metadata(part)
        .await
        .map(|metadata| metadata.len())
        .or_else(|err| {
            if err.kind() == ErrorKind::NotFound {
                Ok(0)
            } else {
                Err(err)
            }
        })?;

    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;
    let status = response.status();

    let (mut file, before) = if status == StatusCode::PARTIAL_CONTENT {
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
        let file = File::options().create(true).append(true).open(part).await?;
        (file, had)
    } else if status == StatusCode::OK {
        let file = File::options()
            .create(true)
            .write(true)
            .truncate(true)
            .open(part)
            .await?;
        (file, 0)
    } else {
        return Err(ResumeError::Status(status));
    };

    let pumped = pump(&mut response, &mut file).await;
    let flushed = file.flush().await;
    let (written, broke) = pumped?;
    flushed?;
    match broke {
        Some(err) => Err(ResumeError::Http(err)),
        None => Ok(before + written),
    }
}
