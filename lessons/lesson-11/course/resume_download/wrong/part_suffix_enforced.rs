//! Wrong: breaks "`resume_download(client, url, part)` finishes the download of `url` into the file `part`" (and "N bytes, where N is the file's size now") for a part whose name does not end in `.part` (`{tmp}/file.bin`, `{tmp}/video.mp4.crdownload`, `{tmp}/x.tmp`, holding 5,003 bytes of `/files/7000`): the answer works on `{tmp}/file.bin.part` instead, asks with no `Range`, writes the whole file there, and leaves `part` as it was.
//! What it does: a `part` whose extension is not `part` is taken for the final name and
//! replaced by `lesson_11::part_path(part)`, the lesson's `{dest}.part`.
//! Why a learner writes it: lesson 11 teaches that a half file must never sit under its final
//! name, and gives `part_path` for it; applying that rule "defensively" to whatever path comes
//! in looks safe. But the caller chose the file (other tools name theirs `.crdownload`, `.tmp`,
//! `.download`), and the contract writes into `part`, whatever its name.
//! Every part named `….part` is handled as in the reference.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    // Never half a file under a final name: the bytes on their way live in a `.part`, as lesson
    // 11's `download` keeps them. A caller that passes the final name gets its `.part` beside it.
    let part_buf = if part
        .extension()
        .is_some_and(|extension| extension == "part")
    {
        part.to_path_buf()
    } else {
        lesson_11::part_path(part)
    };
    let part = part_buf.as_path();
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
            if first_byte(content_range) != Some(had) {
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

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
