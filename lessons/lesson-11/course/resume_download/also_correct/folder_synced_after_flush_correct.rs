//! Correct: written for durability: once the last piece is flushed, the part's data is synced with `sync_all`, and its folder is synced too (opened read-only, `sync_all` on that handle, best effort), so that a part the call created, and its size, survive a power cut; the body is copied by a helper that returns the break instead of the size.
//! The folder's sync touches no file and changes no outcome: it is tried only after the flush,
//! on a break as on success, and its failure (a file system or an OS that cannot sync a folder)
//! is ignored. A part with no folder in its name is in `.`. The status and the `Content-Range`
//! are judged before the part is touched, as the reference does.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

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
    let mut response = request.send().await.map_err(ResumeError::Http)?;

    let (mut file, start) = match response.status() {
        StatusCode::OK => (File::create(part).await?, 0),
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default();
            if starts_at(content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: content_range.to_owned(),
                });
            }
            let file = OpenOptions::new()
                .append(true)
                .create(true)
                .open(part)
                .await?;
            (file, had)
        }
        status => return Err(ResumeError::Status(status)),
    };

    let copied = copy_body(&mut response, &mut file).await;
    file.flush().await?;
    file.sync_all().await?;
    sync_folder(part).await;
    let (written, broken) = copied?;
    match broken {
        Some(err) => Err(ResumeError::Http(err)),
        None => Ok(start + written),
    }
}

/// Appends the body to `file` piece by piece: the bytes written, and the break if it broke off.
async fn copy_body(
    response: &mut Response,
    file: &mut File,
) -> Result<(u64, Option<reqwest::Error>), ResumeError> {
    let mut written = 0;
    loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                file.write_all(&piece).await?;
                written += piece.len() as u64;
            }
            Ok(None) => return Ok((written, None)),
            Err(err) => return Ok((written, Some(err))),
        }
    }
}

/// Best effort: syncs the folder that holds `part`, so that its entry is on disk too.
async fn sync_folder(part: &Path) {
    let folder = match part.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    if let Ok(folder) = File::open(folder).await {
        let _ = folder.sync_all().await;
    }
}

/// The FIRST of `bytes FIRST-LAST/SIZE`, or `None` when the text is not in that form.
fn starts_at(content_range: &str) -> Option<u64> {
    let (first, _) = content_range.strip_prefix("bytes ")?.split_once('-')?;
    first.parse().ok()
}
