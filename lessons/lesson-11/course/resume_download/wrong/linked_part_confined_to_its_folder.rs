//! Wrong: breaks "`206 Partial Content` whose `Content-Range` starts at byte N (`bytes N-LAST/SIZE`, SIZE being `*` when the server does not know it): its body is appended to `part`" (and "`200 OK`: … `part` is emptied, then the body written from the start") for a part that is a symbolic link to a file in a folder outside the part's own (`~/Downloads/big.iso.part -> /mnt/scratch/big.iso.part`, a part kept on another disk): `Err(ResumeError::File(PermissionDenied))`.
//!
//! The learner guards against the classic symlink attack on download folders (someone plants
//! `x.part -> /home/you/.bashrc` and waits): once the answer is judged and before the part is
//! opened for writing, a part that is a symbolic link is followed one step, and its target's
//! folder must lie inside the part's own folder (both resolved with `canonicalize`), or the call
//! refuses. A link to a file in a subfolder (`{tmp}/x.part -> {tmp}/elsewhere/x.part`), existing or
//! not yet made, is inside and is written as it should be; a link to `/dev/full` is refused, an
//! error where the contract expects one anyway. A part linked from another disk is never resumed.
//!
//! Exercise 16: finish a download that was cut short.
//!
//! `resume_download(client, url, part)` finishes the download of `url` into the file `part`,
//! which holds the first bytes of that file from an earlier attempt: N bytes, where N is the
//! file's size now (0 when it is empty or does not exist; any other error reading its size is
//! `Err(ResumeError::File(err))`, before a request is sent). Contract:
//! - one GET of `url` through `client`, with `Range: bytes=N-` when N is over 0, and no `Range`
//!   when N is 0;
//! - `206 Partial Content` whose `Content-Range` starts at byte N (`bytes N-LAST/SIZE`, SIZE
//!   being `*` when the server does not know it): its body is appended to `part`; a `206` whose
//!   `Content-Range` starts elsewhere, or that has none, is
//!   `Err(ResumeError::WrongRange { asked: N, content_range })` (the header's text, or `""`),
//!   and `part` is left as it was (with N = 0 no range was asked, and a `206` is the server's
//!   mistake: one from byte 0 may be appended, as this rule says, or refused as `WrongRange`;
//!   one from another byte, or with no `Content-Range`, is refused);
//! - `200 OK`: the server sends the whole file from its first byte (it ignored the range, or the
//!   file changed): `part` is emptied, then the body written from the start;
//! - any other status (a 416, a 404, a 503, a 300 …): `Err(ResumeError::Status(status))`, and
//!   `part` is left as it was;
//! - the body is written to `part` piece by piece as it arrives (`response.chunk()`), never held
//!   whole in memory: while a large body is on its way, `part` grows;
//! - a body that breaks off is `Err(ResumeError::Http(err))`, with every byte that arrived before
//!   the break written to `part`, so that a later call resumes from there; a failed connection is
//!   `Err(ResumeError::Http(err))` too, with `part` untouched;
//! - `Ok(size)`: the size of `part` once the body is all in, every byte written and flushed
//!   before the function returns;
//! - no panic.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
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
    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

    let appending = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            match lesson_11::parse_content_range(&content_range) {
                Some((first, _)) if had > 0 && first == had => true,
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
            }
        }
        StatusCode::OK => false,
        status => return Err(ResumeError::Status(status)),
    };

    // Never write through a link that leads out of the download folder.
    refuse_link_out_of_folder(part).await?;

    let (mut file, mut size) = if appending {
        (OpenOptions::new().append(true).open(part).await?, had)
    } else {
        (File::create(part).await?, 0)
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

/// The folder a path is in (`.` for a bare name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `Ok` unless `part` is a symbolic link whose target lies outside the part's folder.
async fn refuse_link_out_of_folder(part: &Path) -> std::io::Result<()> {
    let Ok(metadata) = tokio::fs::symlink_metadata(part).await else {
        return Ok(());
    };
    if !metadata.file_type().is_symlink() {
        return Ok(());
    }
    let folder = folder_of(part);
    let target = tokio::fs::read_link(part).await?;
    let target = if target.is_absolute() {
        target
    } else {
        folder.join(target)
    };
    let folder = tokio::fs::canonicalize(&folder).await?;
    let target_folder = tokio::fs::canonicalize(folder_of(&target)).await?;
    if target_folder.starts_with(&folder) {
        Ok(())
    } else {
        Err(std::io::Error::new(
            ErrorKind::PermissionDenied,
            format!(
                "{} links to {}, outside {}: refusing to write there",
                part.display(),
                target.display(),
                folder.display()
            ),
        ))
    }
}
