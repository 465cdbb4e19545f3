//! Wrong: breaks "a `206` whose `Content-Range` starts elsewhere, or that has none, is `Err(ResumeError::WrongRange { asked: N, content_range })` (the header's text, or `""`), and `part` is left as it was" for a 206 whose `Content-Range` is not in the form `bytes N-LAST/SIZE`: with no unit (`5003-9999/10000`, from a server that forgot it) or with the unit twice (`bytes bytes 5003-9999/10000`, from a proxy that added it again)
//!
//! The learner took `trim_start_matches("bytes ")` for "remove the prefix" (it is what many
//! answers online suggest, and reads like Python's `lstrip`): but it removes the prefix any
//! number of times, and removes nothing, without a word, when the prefix is not there. The
//! first number is then parsed from whatever is left, so a header with no unit, or with the unit
//! repeated, that happens to begin with N is taken for `bytes N-…` and its body appended, where
//! the reference (`strip_prefix`) refuses it as `WrongRange`. Every form the chapter lists
//! (`items …`, `bytes=…`, `bytes */…`, two spaces, a tab, `bytes` alone, nothing) is still
//! refused, and every well-formed one read as in the reference.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(err.into()),
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
                .unwrap_or_default();
            if first_byte(content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: content_range.to_owned(),
                });
            }
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            (file, had)
        }
        StatusCode::OK => (tokio::fs::File::create(part).await?, 0),
        status => return Err(ResumeError::Status(status)),
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

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.trim_start_matches("bytes ");
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
