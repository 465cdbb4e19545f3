//! Correct: the answer is judged by a pure function (`where_body_goes`) that says where the body
//! starts (`Ok(true)`: after the part, `Ok(false)`: over an emptied part) before any file is
//! touched; the `Content-Range` is read by measuring runs of digits after a unit compared
//! case-insensitively (`bytes`, `Bytes`), so FIRST and LAST are compared as numbers (LAST not
//! before FIRST, SIZE digits or `*`); a 206 from byte 0 to a request that asked no range is
//! appended (the part created); each piece is moved into the file by `tokio::io::copy` from the
//! piece's bytes (`&[u8]` is an `AsyncRead`), which also flushes the file after every piece; the
//! path is only ever a `&Path`, never turned into text.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, HeaderValue, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Splits `text` after its leading run of ASCII digits: `Some((number, rest))`, or `None` when it
/// does not start with a digit.
fn leading_number(text: &str) -> Option<(u64, &str)> {
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    let (number, rest) = text.split_at(digits);
    Some((number.parse().ok()?, rest))
}

/// The first byte a `Content-Range` of the form `bytes FIRST-LAST/SIZE` names (unit in any case,
/// SIZE a number or `*`, LAST not before FIRST); `None` for any other text.
fn first_byte(text: &str) -> Option<u64> {
    let (unit, rest) = text.split_once(' ')?;
    if !unit.eq_ignore_ascii_case("bytes") {
        return None;
    }
    let (first, rest) = leading_number(rest)?;
    let (last, rest) = leading_number(rest.strip_prefix('-')?)?;
    let size = rest.strip_prefix('/')?;
    let size_ok = size == "*" || leading_number(size).is_some_and(|(_, tail)| tail.is_empty());
    (size_ok && first <= last).then_some(first)
}

/// Whether the body goes after the part (`true`) or over an emptied part (`false`); or why it
/// goes nowhere.
fn where_body_goes(
    status: StatusCode,
    content_range: Option<&HeaderValue>,
    had: u64,
) -> Result<bool, ResumeError> {
    if status == StatusCode::OK {
        return Ok(false);
    }
    if status != StatusCode::PARTIAL_CONTENT {
        return Err(ResumeError::Status(status));
    }
    let text = content_range
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    if first_byte(text) == Some(had) {
        Ok(true)
    } else {
        Err(ResumeError::WrongRange {
            asked: had,
            content_range: text.to_owned(),
        })
    }
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part)
        .await
        .map(|metadata| metadata.len())
    {
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        other => other?,
    };

    let request = if had > 0 {
        client.get(url).header(RANGE, format!("bytes={had}-"))
    } else {
        client.get(url)
    };
    let mut response = request.send().await?;

    let after = where_body_goes(
        response.status(),
        response.headers().get(CONTENT_RANGE),
        had,
    )?;
    let mut file = if after {
        OpenOptions::new()
            .create(true)
            .append(true)
            .open(part)
            .await?
    } else {
        OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(part)
            .await?
    };
    let mut size = if after { had } else { 0 };

    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => match tokio::io::copy(&mut &piece[..], &mut file).await {
                Ok(copied) => size += copied,
                Err(err) => break Err(ResumeError::File(err)),
            },
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}
