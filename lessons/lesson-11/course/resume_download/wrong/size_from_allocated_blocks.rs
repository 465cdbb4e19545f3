//! Wrong: breaks "N bytes, where N is the file's size now" (and with it "with `Range: bytes=N-` when N is over 0") for a part with holes in it: a sparse file, as the checks' part of over 4 GiB is, and as a part preallocated by another downloader is
//! What the learner did: N is the part's length, but no more than the bytes the file system has
//! really stored for it: `min(len, st_blocks * 512)` (`MetadataExt::blocks`). For an ordinary
//! part the blocks cover at least its length, so N is its length; for a part whose length runs
//! past the blocks written (made with `set_len`, or `fallocate`d to the full size and filled
//! from the start), N is cut to the stored bytes, the request asks from there (or, with no
//! block at all, asks no range), and the answer is appended after bytes the part already has.
//! Everything after the size is the careful download.
//! Why a learner thinks it right: `ls` and `du` disagree, and a downloader that preallocates
//! (aria2's `--file-allocation`, a torrent client) makes a part as long as the whole file
//! before a byte has come: its length says nothing of what arrived, its blocks do, so this
//! looks like the safer measure of "the bytes from an earlier attempt". The contract defines N
//! as the file's size, holes included.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// The bytes an earlier attempt really wrote: the length, unless the file system holds fewer.
fn bytes_held(metadata: &std::fs::Metadata) -> u64 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        metadata.len().min(metadata.blocks().saturating_mul(512))
    }
    #[cfg(not(unix))]
    {
        metadata.len()
    }
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => bytes_held(&metadata),
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
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
                .unwrap_or_default();
            let starts_right = matches!(
                lesson_11::parse_content_range(&content_range),
                Some((first, _)) if had > 0 && first == had
            );
            if !starts_right {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            let file = OpenOptions::new().append(true).open(part).await?;
            // Appending lands after the whole file, holes included: count from there.
            let size = file.metadata().await?.len();
            (file, size)
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
    let flushed = file.flush().await;
    let size = outcome?;
    flushed?;
    Ok(size)
}
