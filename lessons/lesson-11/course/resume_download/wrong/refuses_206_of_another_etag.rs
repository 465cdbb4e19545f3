//! Wrong: breaks "`206 Partial Content` whose `Content-Range` starts at byte N (…): its body is appended to `part`"
//! The learner copied lesson 11's version tag: the `ETag` of each answer is kept beside the part (`{part}.etag`, as `download` keeps `{dest}.part.etag`), and since the contract asks for a `Range` alone (no `If-Range`), the version is checked on the client's side instead: a `206` whose `ETag` is not the one kept is "the rest of another version", refused as `WrongRange` rather than appended.
//! The checks leave no `.etag` beside their parts (the only file they put there is another program's lock file), so the kept tag is never there to disagree. A `{part}.etag` holding another tag, and a `206` from byte N carrying an `ETag` (the mock's `"file-SIZE"`), shows the refusal.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, ETAG, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    // The version the part's bytes come from, if an earlier attempt kept it.
    let tag_path = tag_path(part);
    let kept_tag = tokio::fs::read_to_string(&tag_path)
        .await
        .ok()
        .map(|tag| tag.trim().to_owned());

    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;
    let tag = response
        .headers()
        .get(ETAG)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            let same_version = match (kept_tag.as_deref(), tag.as_deref()) {
                (Some(kept), Some(tag)) => kept == tag,
                _ => true,
            };
            if first_byte(&content_range) != Some(had) || !same_version {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            (file, had)
        }
        StatusCode::OK => (File::create(part).await?, 0),
        status => return Err(ResumeError::Status(status)),
    };
    // Keep the version of these bytes for the next attempt, as `download` does.
    match tag {
        Some(tag) => tokio::fs::write(&tag_path, tag).await?,
        None => match tokio::fs::remove_file(&tag_path).await {
            Err(err) if err.kind() != ErrorKind::NotFound => return Err(ResumeError::File(err)),
            _ => {}
        },
    }

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

/// `{part}.etag`, beside the part (the name may not be UTF-8, so it is built on the `OsStr`).
fn tag_path(part: &Path) -> PathBuf {
    let mut name = part.as_os_str().to_owned();
    name.push(".etag");
    PathBuf::from(name)
}

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), `None` for any other text.
fn first_byte(text: &str) -> Option<u64> {
    let (span, size) = text.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let (first, last) = (number(first)?, number(last)?);
    if last < first {
        return None;
    }
    if size != "*" && last >= number(size)? {
        return None;
    }
    Some(first)
}

fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
