//! Correct, written another way: the request is built first (`RequestBuilder::build`), its
//! `Range` inserted into the `Request`'s own headers and sent with `Client::execute` (still one
//! GET through the client given); the status is sorted on `as_u16()` into the byte where the
//! body belongs (N for a 206 from byte N, 0 for a 200); the `Content-Range` is judged on its raw
//! bytes (`bytes ` then exactly N's digits then `-`), never parsed to a number; the part is
//! opened once with `write` + `create` and `truncate` only for a 200, and the cursor is put at
//! that byte with `seek` instead of opening in append mode; the size returned is the cursor's
//! position after the last write, flush and `sync_all`, not a count of the pieces.

use std::io::{ErrorKind, SeekFrom};
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::Client;
use reqwest::header::{CONTENT_RANGE, HeaderValue, RANGE};
use tokio::fs::OpenOptions;
use tokio::io::{AsyncSeekExt, AsyncWriteExt};

/// Whether a `Content-Range` value starts at byte `had`: `bytes ` then `had`'s digits then `-`.
fn starts_at(value: &[u8], had: u64) -> bool {
    let Some(rest) = value.strip_prefix(b"bytes ") else {
        return false;
    };
    let digits = rest.iter().take_while(|byte| byte.is_ascii_digit()).count();
    let (first, after) = rest.split_at(digits);
    !first.is_empty() && after.first() == Some(&b'-') && first == had.to_string().as_bytes()
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };

    let mut request = client.get(url).build()?;
    if had > 0
        && let Ok(range) = HeaderValue::try_from(format!("bytes={had}-"))
    {
        request.headers_mut().insert(RANGE, range);
    }
    let mut response = client.execute(request).await?;

    // The byte of the part where the body's first byte belongs.
    let start = match response.status().as_u16() {
        206 => {
            let header = response.headers().get(CONTENT_RANGE);
            if !header.is_some_and(|value| starts_at(value.as_bytes(), had)) {
                let content_range = header
                    .and_then(|value| value.to_str().ok())
                    .unwrap_or("")
                    .to_owned();
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            had
        }
        200 => 0,
        _ => return Err(ResumeError::Status(response.status())),
    };

    let mut file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(start == 0)
        .open(part)
        .await?;
    file.seek(SeekFrom::Start(start)).await?;

    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    break Err(ResumeError::File(err));
                }
            }
            Ok(None) => break Ok(()),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    file.sync_all().await?;
    outcome?;
    Ok(file.stream_position().await?)
}
