//! Wrong: breaks "N bytes, where N is the file's size now"
//! aria2's `.aria2` control file: the learner does not trust the part's size after a crash
//! (the OS may have grown the file before its last bytes were written), so a file beside it,
//! `{part}.aria2`, records how many bytes are known good. It is saved when the writing starts
//! and then every MiB, like aria2's `--auto-save-interval`, and removed once the download is
//! complete; the next call resumes from the saved count and cuts the part back to it. A body
//! that breaks off keeps its bytes in the part, but the control file still says where the last
//! save was: the call after the break asks for the wrong range, and cuts off what it should
//! have kept.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// How many bytes are written between two saves of the control file.
const SAVE_EVERY: u64 = 1024 * 1024;

/// `{part}.aria2`: how many bytes of the part are known good.
fn control_path(part: &Path) -> PathBuf {
    let mut name = part.as_os_str().to_owned();
    name.push(".aria2");
    PathBuf::from(name)
}

/// The count the control file holds, if there is one that makes sense.
async fn saved_count(control: &Path) -> Option<u64> {
    let text = tokio::fs::read_to_string(control).await.ok()?;
    text.trim().parse().ok()
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let on_disk = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    let control = control_path(part);
    // Without a control file (a part of some other tool), the size is all there is to go by.
    let had = match saved_count(&control).await {
        Some(saved) => saved.min(on_disk),
        None => on_disk,
    };
    if had < on_disk {
        // What came after the last save is not known to be good: cut it off.
        OpenOptions::new()
            .write(true)
            .open(part)
            .await?
            .set_len(had)
            .await?;
    }

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
            if first_byte(&content_range) != Some(had) {
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
    tokio::fs::write(&control, size.to_string()).await?;

    let mut saved = size;
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    break Err(ResumeError::File(err));
                }
                size += piece.len() as u64;
                if size - saved >= SAVE_EVERY {
                    // Only what is flushed counts as known good.
                    if let Err(err) = file.flush().await {
                        break Err(ResumeError::File(err));
                    }
                    if let Err(err) = tokio::fs::write(&control, size.to_string()).await {
                        break Err(ResumeError::File(err));
                    }
                    saved = size;
                }
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    if outcome.is_ok() {
        // Complete: the control file has done its job.
        let _ = tokio::fs::remove_file(&control).await;
    }
    outcome
}

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), when the header has that form.
fn first_byte(content_range: &str) -> Option<u64> {
    let (unit, rest) = content_range.split_once(' ')?;
    if !unit.eq_ignore_ascii_case("bytes") {
        return None;
    }
    let (span, total) = rest.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let (first, last) = (number(first)?, number(last)?);
    if total != "*" {
        number(total)?;
    }
    (first <= last).then_some(first)
}

fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
