//! Wrong: breaks "`Ok(size)`: the size of `part` once the body is all in" (from the second call on, in another folder, a good download is `Err(ResumeError::File(..))` before any request)
//! The learner keeps a write-ahead journal of downloads, one line per attempt, written (and
//! flushed) before the request goes out so that a crash leaves a trace, in a file
//! `downloads.journal` in "the download folder". In their program every part lives in one folder,
//! so the folder is worked out once, from the first part seen, and kept in a `OnceLock`. A later
//! call for a part elsewhere still writes to the first folder; once that folder is gone (a
//! temporary folder cleaned up), the journal cannot be opened and every download fails with a
//! file error that has nothing to do with its part, before a request is sent.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// The journal, in the folder of the first part this process downloaded into.
static JOURNAL: OnceLock<PathBuf> = OnceLock::new();

fn journal_for(part: &Path) -> &'static Path {
    JOURNAL.get_or_init(|| {
        let folder = part
            .parent()
            .filter(|folder| !folder.as_os_str().is_empty())
            .unwrap_or_else(|| Path::new("."));
        folder.join("downloads.journal")
    })
}

/// Appends one line to the journal, flushed before it returns.
async fn journal(part: &Path, line: String) -> std::io::Result<()> {
    let mut file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(journal_for(part))
        .await?;
    file.write_all(line.as_bytes()).await?;
    file.flush().await
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
    let had = match tokio::fs::metadata(part).await {
        Ok(meta) => meta.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    // Write-ahead: the attempt is on record before anything can go wrong.
    journal(
        part,
        format!("start {} from {had} of {url}\n", part.display()),
    )
    .await?;

    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;
    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
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
    if let Ok(size) = &outcome {
        // Best effort once the part is safe: the download itself succeeded.
        let _ = journal(part, format!("done {} at {size}\n", part.display())).await;
    }
    outcome
}
