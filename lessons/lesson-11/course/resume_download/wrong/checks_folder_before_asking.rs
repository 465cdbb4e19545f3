//! Wrong: breaks "N is the file's size now (0 when it is empty or does not exist; any other error reading its size is `Err(ResumeError::File(err))`, before a request is sent)" and "one GET of `url` through `client`"
//! The learner wanted to fail fast: when there is no part yet, the download is for nothing if its
//! folder is missing, so the folder is looked at before the server is asked for anything
//! (`part.parent()`, then `metadata(folder).await?`). Every part the checks leave sits in a folder
//! that exists, so nothing changes there. But a part whose folder is missing is "does not exist",
//! N = 0: the contract sends the GET and reports the server's answer (a 404 is `Status(404)`, a
//! 206 refused is `WrongRange`), and this sends nothing and returns `File(NotFound)`. And a bare
//! name in the current folder (`Path::new("file.part")`, not there yet) fails too, since
//! `parent()` of a bare name is `Some("")`, not `None`, and `metadata("")` is `NotFound`.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// The first byte a `Content-Range: bytes FIRST-LAST/SIZE` names, if it has that form.
fn first_byte(content_range: &str) -> Option<u64> {
    let rest = content_range.strip_prefix("bytes ")?;
    let (first, _) = rest.split_once('-')?;
    if first.is_empty() || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    first.parse().ok()
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => {
            // No part yet. It will be created in its folder: if that folder is not there, the
            // download cannot be kept, so say so now rather than after the server sent it all.
            let folder = part.parent().unwrap_or(Path::new("."));
            tokio::fs::metadata(folder).await?;
            0
        }
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
            if had == 0 || first_byte(&content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            (OpenOptions::new().append(true).open(part).await?, had)
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
