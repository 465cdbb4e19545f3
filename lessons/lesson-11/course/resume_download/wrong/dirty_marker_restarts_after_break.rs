//! Wrong: breaks "a body that breaks off is `Err(ResumeError::Http(err))`, with every byte that arrived before the break written to `part`, so that a later call resumes from there"
//! The learner borrowed a file system's "dirty" bit: a marker `{part}.dirty` is put beside the
//! part before its first byte is written and removed once a download ends well, so that a marker
//! found at the start means "the last writer stopped mid-write, its last bytes may be torn"
//! and the part is not trusted: the call starts over, asking with no `Range`. But the marker is
//! removed only on `Ok`, so after an ordinary break (every byte written and flushed) the next
//! call throws the part away instead of resuming from it.

use std::ffi::OsString;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// `{part}.dirty`, beside the part (built from the raw name, so a name that is not UTF-8 works).
fn marker_for(part: &Path) -> PathBuf {
    let mut name = OsString::from(part.as_os_str());
    name.push(".dirty");
    PathBuf::from(name)
}

/// Whether `text` is `bytes FIRST-LAST/SIZE` with FIRST equal to `asked`.
fn starts_at(text: &str, asked: u64) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let Some((unit, rest)) = text.split_once(' ') else {
        return false;
    };
    let Some((span, size)) = rest.split_once('/') else {
        return false;
    };
    let Some((first, last)) = span.split_once('-') else {
        return false;
    };
    if !unit.eq_ignore_ascii_case("bytes") || !digits(first) || !digits(last) {
        return false;
    }
    let (Ok(first), Ok(last)) = (first.parse::<u64>(), last.parse::<u64>()) else {
        return false;
    };
    let size_ok = size == "*" || (digits(size) && size.parse::<u64>().is_ok_and(|s| last < s));
    first == asked && first <= last && size_ok
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let on_disk = match tokio::fs::metadata(part).await {
        Ok(meta) => meta.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    let marker = marker_for(part);
    // A marker left behind: the last writer did not finish cleanly, so its bytes are not trusted.
    let start_over = tokio::fs::try_exists(&marker).await.unwrap_or(false);
    let had = if start_over { 0 } else { on_disk };

    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

    let status = response.status();
    if status == StatusCode::PARTIAL_CONTENT {
        let text = response
            .headers()
            .get(CONTENT_RANGE)
            .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
            .unwrap_or_default();
        if !starts_at(&text, had) {
            return Err(ResumeError::WrongRange {
                asked: had,
                content_range: text,
            });
        }
    } else if status != StatusCode::OK {
        return Err(ResumeError::Status(status));
    }

    // From here the part is being written: mark it dirty until the download ends well.
    tokio::fs::write(&marker, b"").await?;
    let (mut file, mut size) = if status == StatusCode::PARTIAL_CONTENT && !start_over {
        (
            OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?,
            had,
        )
    } else {
        // A 200, or a 206 from byte 0 over a part that is not trusted: write it from the start.
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
    if outcome.is_ok() {
        // Clean: every byte is in and flushed.
        match tokio::fs::remove_file(&marker).await {
            Ok(()) => {}
            Err(err) if err.kind() == ErrorKind::NotFound => {}
            Err(err) => return Err(ResumeError::File(err)),
        }
    }
    outcome
}
