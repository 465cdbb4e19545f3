//! Wrong: breaks "- no panic." (on a current-thread runtime, once a call ran on a multi-threaded one)
//! The learner writes the part with a plain `std::fs::File` (no background writes, no flush to
//! forget) and follows tokio's advice for blocking calls: `block_in_place` where it is allowed,
//! that is on the multi-threaded runtime, and a plain call on the current-thread one, where it
//! would panic. Asking the runtime its flavor on every call looked wasteful ("a program has one
//! runtime"), so the answer is worked out once and kept in a `static OnceLock`. The first call
//! decides for all: after a call on a multi-threaded runtime, a call on a current-thread runtime
//! in the same process goes through `block_in_place`, which panics there.

use std::fs::OpenOptions;
use std::io::{ErrorKind, Write};
use std::path::Path;
use std::sync::OnceLock;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::runtime::{Handle, RuntimeFlavor};

/// Whether the runtime lets a task block in place: asked once, on the first call.
static MAY_BLOCK_IN_PLACE: OnceLock<bool> = OnceLock::new();

/// Runs blocking file work the way the runtime allows it.
fn blocking<T>(work: impl FnOnce() -> T) -> T {
    let may = *MAY_BLOCK_IN_PLACE
        .get_or_init(|| Handle::current().runtime_flavor() == RuntimeFlavor::MultiThread);
    if may {
        tokio::task::block_in_place(work)
    } else {
        work()
    }
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match blocking(|| std::fs::metadata(part)) {
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
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            if first_byte(&content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            let file = blocking(|| OpenOptions::new().create(true).append(true).open(part))?;
            (file, had)
        }
        StatusCode::OK => (blocking(|| std::fs::File::create(part))?, 0),
        status => return Err(ResumeError::Status(status)),
    };

    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = blocking(|| file.write_all(&piece)) {
                    break Err(ResumeError::File(err));
                }
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    let flushed = blocking(|| file.flush());
    let size = outcome?;
    flushed?;
    Ok(size)
}

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), or `None` for any other form.
fn first_byte(text: &str) -> Option<u64> {
    let (unit, rest) = text.trim().split_once(' ')?;
    if !unit.eq_ignore_ascii_case("bytes") {
        return None;
    }
    let (range, total) = rest.split_once('/')?;
    let (first, last) = range.split_once('-')?;
    let (first, last) = (number(first)?, number(last)?);
    let total = match total {
        "*" => None,
        total => Some(number(total)?),
    };
    (first <= last && total.is_none_or(|total| last < total)).then_some(first)
}

/// A run of ASCII digits as a number.
fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
