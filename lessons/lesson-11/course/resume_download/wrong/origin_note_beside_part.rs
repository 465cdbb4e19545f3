//! Wrong: breaks "`206 Partial Content` whose `Content-Range` starts at byte N (`bytes N-LAST/SIZE`, SIZE being `*` when the server does not know it): its body is appended to `part`" (and the `200` rule beside it) for a part whose file name is 249 to 255 bytes long, legal on every common file system (`{tmp}/` + 245 × `a` + `.part`, holding 5,003 bytes of `/files/7000`, answered with the rest): the note `{part}.origin` cannot be made (`ENAMETOOLONG`), and the call returns `Err(ResumeError::File(..))` with `part` left as it was.
//! What it does: once the answer is judged good (a right `206`, or a `200`), it writes a small
//! note beside the part, `{part}.origin`, holding the address the bytes come from, then writes
//! the body as the reference does; the note is removed once the download is complete, and kept
//! after a break, so that whoever finds a stray part can tell where to resume it from.
//! Why an engineer writes it: browsers record where a download came from (Windows'
//! `Zone.Identifier`, macOS's quarantine attribute, aria2's `.aria2` file), and a plain side
//! file is the portable way. But its errors are passed up with `?`, and a name that is fine
//! for the part is too long once a suffix is added, so a good download fails for a note.
//! With a part of any usual name length it behaves as the reference.

use std::ffi::OsString;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

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

    // Judge the answer first: only a right 206 or a 200 touches anything on disk.
    let whole = match response.status() {
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
            false
        }
        StatusCode::OK => true,
        status => return Err(ResumeError::Status(status)),
    };

    // Where these bytes come from, beside them, for as long as the part is not complete.
    let note = origin_note(part);
    tokio::fs::write(&note, format!("{url}\n")).await?;

    let mut file = if whole {
        tokio::fs::File::create(part).await?
    } else {
        OpenOptions::new()
            .create(true)
            .append(true)
            .open(part)
            .await?
    };
    let mut size = if whole { 0 } else { had };
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
    if outcome.is_ok() {
        // Complete: nothing left to resume, so the note goes (a note left behind is harmless).
        let _ = tokio::fs::remove_file(&note).await;
    }
    outcome
}

/// `{part}.origin`.
fn origin_note(part: &Path) -> PathBuf {
    let mut name = OsString::from(part.as_os_str());
    name.push(".origin");
    PathBuf::from(name)
}

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
