//! Wrong: breaks "the body is written to `part` piece by piece as it arrives (`response.chunk()`), never held whole in memory: while a large body is on its way, `part` grows;"
//! The download-manager habit of reserving the space first (aria2's `--file-allocation`): once the
//! answer is judged, the part is set at once to its final length (`set_len(start +
//! Content-Length)`), "so a full disk fails now and not at 90%", and the pieces are written into
//! that space from byte N. On a break or any error the part is cut back to the bytes that came, so
//! every value returned and every part left on return is right; but while the body is on its way
//! the part already has its final size, its tail zeros, and a call dropped mid-body (a timeout
//! around it, a Ctrl-C) leaves a part whose size claims bytes that never came, which the next
//! resume trusts.

use std::io::{ErrorKind, SeekFrom};
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::{AsyncSeekExt, AsyncWriteExt};

/// The first byte of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), when the header has that form.
fn first_byte(text: &str) -> Option<u64> {
    let (span, size) = text.strip_prefix("bytes ")?.split_once('/')?;
    let size: Option<u64> = match size {
        "*" => None,
        size => Some(size.parse().ok()?),
    };
    let (first, last) = span.split_once('-')?;
    let (first, last): (u64, u64) = (first.parse().ok()?, last.parse().ok()?);
    (first <= last && size.is_none_or(|size| last < size)).then_some(first)
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

    let (mut file, start) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            if had == 0 || first_byte(&content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            // Not `append`: the space after byte N is reserved below, and the pieces go into it.
            let mut file = OpenOptions::new().write(true).open(part).await?;
            file.seek(SeekFrom::Start(had)).await?;
            (file, had)
        }
        StatusCode::OK => (File::create(part).await?, 0),
        status => return Err(ResumeError::Status(status)),
    };

    // Reserve the whole file now: a disk too small fails before the first byte, not near the end.
    if let Some(length) = response.content_length() {
        file.set_len(start + length).await?;
    }

    let mut at = start;
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    break Err(ResumeError::File(err));
                }
                at += piece.len() as u64;
            }
            Ok(None) => break Ok(at),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    // Give back the reserved space that was not filled: after a break the part ends where the
    // bytes that came end, so a later call resumes from the right byte.
    file.set_len(at).await?;
    file.flush().await?;
    outcome
}
