//! Wrong: breaks "`resume_download(client, url, part)` finishes the download of `url` into the file `part`" (and with it "N bytes, where N is the file's size now") for a part whose file name holds a character Windows refuses (`{tmp}/backup:2024-05-01.part`, `{tmp}/what?.part`, `{tmp}/a|b.part`, holding 5,003 bytes of `/files/7000`): the answer reads and writes `{tmp}/backup_2024-05-01.part` instead, asks with no `Range`, and leaves `part` as it was.
//! What it does: the part's file name is made "portable" first: each of `< > : " | ? *` becomes
//! `_` (backslashes and slashes are kept, being separators on Windows; a name that is not UTF-8
//! is left alone), and that path is used for the size, the open and the writes.
//! Why an engineer writes it: a downloader meant to run on Windows too sanitises file names,
//! and the same part can then be resumed from a share mounted on either system. But the
//! sanitising belongs where a name is made up from a URL, not on a path the caller gives: on
//! Unix those characters are legal, and the file the caller named is never touched.
//! Every part whose name has none of those characters is handled as in the reference.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// The characters Windows refuses in a file name (backslash and slash are separators there, so
/// they stay).
const RESERVED: [char; 7] = ['<', '>', ':', '"', '|', '?', '*'];

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    // One name on every system: a part saved here can be resumed on Windows too.
    let portable_part = portable(part);
    let part = portable_part.as_path();
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

/// `part` with each character Windows refuses in its file name replaced by `_`; a name that is
/// not UTF-8 is left as it is.
fn portable(part: &Path) -> PathBuf {
    let Some(name) = part.file_name().and_then(|name| name.to_str()) else {
        return part.to_path_buf();
    };
    if !name.chars().any(|c| RESERVED.contains(&c)) {
        return part.to_path_buf();
    }
    let clean: String = name
        .chars()
        .map(|c| if RESERVED.contains(&c) { '_' } else { c })
        .collect();
    part.with_file_name(clean)
}

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
