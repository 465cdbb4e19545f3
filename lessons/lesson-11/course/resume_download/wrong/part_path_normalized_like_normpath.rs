//! Wrong: breaks "`resume_download(client, url, part)` finishes the download of `url` into the file `part`" for a `part` whose path goes up (`..`) out of a symbolic link to a folder (`{tmp}/link/../x.part`, where `link` points at `{tmp}/deep/dir`: the system's `{tmp}/deep/x.part`)
//!
//! Before anything else, the answer tidies the path the way Python's `os.path.normpath` (and
//! `abspath`) does, and as cargo's `normalize_path` helper, often copied, does: `.` dropped,
//! `name/..` folded away, all on the text, without asking the disk. The learner wanted one clean
//! path for the size, the open and the messages ("`a/./b` and `a/x/../b` are the same file").
//! They are not when `x` is a symbolic link: the system resolves `x/..` to the folder that holds
//! the link's target, the text folds it to the folder that holds the link. So the answer reads
//! the size of, and writes to, another file than `part` (a missing one: N = 0, no `Range`, a
//! fresh file beside the link), while `part` is left as it was. Paths with no `..`, or whose
//! `..` follows a real folder, are unchanged, so every check with a plain path passes.

use std::io::ErrorKind;
use std::path::{Component, Path, PathBuf};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let part = normalize(part);
    let part = part.as_path();
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

/// `path` tidied on its text, as `os.path.normpath` does: `.` dropped, `name/..` folded away.
fn normalize(path: &Path) -> PathBuf {
    let mut tidy = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                let last = tidy.components().next_back();
                let after_name = matches!(last, Some(Component::Normal(_)));
                // `/..` is `/`.
                let at_root = matches!(last, Some(Component::RootDir | Component::Prefix(_)));
                if after_name {
                    tidy.pop();
                } else if !at_root {
                    tidy.push("..");
                }
            }
            other => tidy.push(other),
        }
    }
    if tidy.as_os_str().is_empty() {
        tidy.push(".");
    }
    tidy
}

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
