//! Wrong: breaks "`206 Partial Content` whose `Content-Range` starts at byte N (`bytes N-LAST/SIZE`, SIZE being `*` when the server does not know it): its body is appended to `part`" for a right `206` whose SIZE is over 16 TiB (a part of 5,003 bytes answered `Content-Range: bytes 5003-5102/20000000000000` and 100 bytes): it is refused as `WrongRange`, and the part is left as it was.
//!
//! The engineer adds a sanity limit on the header: no file system a download lands on (ext4's
//! largest file is 16 TiB) can hold a file larger than that, so a SIZE beyond it must be a broken
//! or hostile server, and nothing should be appended on its word. But the contract asks only
//! where the range starts; SIZE is the server's business (object stores and tape archives do
//! report such sizes), and the 100 bytes asked for fit any disk. A SIZE of `*`, or of any file
//! under 16 TiB (the rest of a 5 GB file among them), is judged exactly as the reference judges it.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// The largest file ext4 can hold (with 4 KiB blocks): a larger SIZE is no real file.
const LARGEST_FILE: u64 = 16 << 40;

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

    let mut file = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default();
            if !continues_part(content_range, had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: content_range.to_owned(),
                });
            }
            OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?
        }
        StatusCode::OK => tokio::fs::File::create(part).await?,
        status => return Err(ResumeError::Status(status)),
    };

    let mut size = if response.status() == StatusCode::OK {
        0
    } else {
        had
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

/// Whether `bytes FIRST-LAST/SIZE` starts at `had`, for a file a disk could hold.
fn continues_part(content_range: &str, had: u64) -> bool {
    let Some(range) = content_range.strip_prefix("bytes ") else {
        return false;
    };
    let Some((first, rest)) = range.split_once('-') else {
        return false;
    };
    if first.parse::<u64>().ok() != Some(had) {
        return false;
    }
    // A SIZE no disk can hold is a broken header: nothing is appended on its word.
    match rest.split_once('/') {
        Some((_, size)) => size
            .parse::<u64>()
            .ok()
            .is_none_or(|size| size <= LARGEST_FILE),
        None => true,
    }
}
