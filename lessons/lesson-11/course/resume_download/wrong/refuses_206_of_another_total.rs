//! Wrong: breaks "`206 Partial Content` whose `Content-Range` starts at byte N (`bytes N-LAST/SIZE` …): its body is appended to `part`"
//! The learner brought aria2's "file length mismatch" guard: the process remembers, for each address, the file's total as the server last gave it (a 200's `Content-Length`, a 206's SIZE), and a later 206 that names another total is refused as `WrongRange`, "the file at that address is another one now, and splicing two versions corrupts it". The checks' version change is told by an `ETag` on a file of the same size, which this lets through; a file that grew between two calls (a log, a recording still being written, a nightly image republished) is refused though its `Content-Range` starts exactly at N.

use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::Path;
use std::sync::{LazyLock, Mutex};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, HeaderValue, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// The total each address last announced.
static TOTALS: LazyLock<Mutex<HashMap<String, u64>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// Records `total` for `url`, and says whether it agrees with what was recorded before.
fn same_total(url: &str, total: u64) -> bool {
    let mut totals = TOTALS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    match totals.insert(url.to_owned(), total) {
        Some(before) => before == total,
        None => true,
    }
}

/// Where a 206's body starts, read from its `Content-Range` (`bytes FIRST-LAST/SIZE`, SIZE a
/// number or `*`), with the total when the server gave one; `None` for any other form.
fn content_range_parts(text: &str) -> Option<(u64, Option<u64>)> {
    let unit = text.get(..6)?;
    if !unit.eq_ignore_ascii_case("bytes ") {
        return None;
    }
    let (span, size) = text[6..].split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let number = |field: &str| -> Option<u64> {
        if field.is_empty() || !field.bytes().all(|byte| byte.is_ascii_digit()) {
            return None;
        }
        field.parse().ok()
    };
    let (first, last) = (number(first)?, number(last)?);
    let size = if size == "*" {
        None
    } else {
        Some(number(size)?)
    };
    (first <= last).then_some((first, size))
}

/// The header's text for `WrongRange`: as it came, or its bytes decoded as best one can.
fn header_text(value: Option<&HeaderValue>) -> String {
    value.map_or_else(String::new, |value| {
        value.to_str().map_or_else(
            |_| String::from_utf8_lossy(value.as_bytes()).into_owned(),
            str::to_owned,
        )
    })
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
            let parts = value
                .and_then(|value| value.to_str().ok())
                .and_then(content_range_parts);
            match parts {
                // The rest of the same file: from byte N, and of the total seen before.
                Some((first, total))
                    if had > 0
                        && first == had
                        && total.is_none_or(|total| same_total(url, total)) =>
                {
                    let file = OpenOptions::new()
                        .create(true)
                        .append(true)
                        .open(part)
                        .await?;
                    (file, had)
                }
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range: header_text(value),
                    });
                }
            }
        }
        StatusCode::OK => {
            // The whole file again: whatever its size, it is the version from now on.
            if let Some(total) = response.content_length() {
                same_total(url, total);
            }
            (File::create(part).await?, 0)
        }
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
