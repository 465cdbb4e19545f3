//! Wrong: breaks "finishes the download of `url` into the file `part`" (the part is the one file the call is given to change)
//! The learner keeps two downloads of one part from interleaving with a lock file beside it,
//! `{part}.lock` holding the owner's process id, and handles stale locks the way every lock-file
//! tutorial does: a lock whose owner is not running (no `/proc/PID`), whose text is not a
//! process id, or that names this very process (a call of its own that was cancelled, since a
//! dropped future runs no cleanup) is left over, so it is removed and taken. Another program's
//! lock beside the part is then deleted: after the call, the lock that program relies on is gone.

use std::ffi::OsString;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// The lock this call holds; dropping it (on every way out, cancellation included) removes it.
struct PartLock {
    path: PathBuf,
}

impl Drop for PartLock {
    fn drop(&mut self) {
        // A small, quick removal: done in place, even inside the runtime.
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Whether the lock at `path` was left by an owner that is gone (or by this process).
async fn is_stale(path: &Path) -> bool {
    let Ok(text) = tokio::fs::read_to_string(path).await else {
        return true;
    };
    let Ok(pid) = text.trim().parse::<u32>() else {
        return true;
    };
    pid == std::process::id() || !Path::new(&format!("/proc/{pid}")).exists()
}

/// Takes `{part}.lock`, breaking a stale one.
async fn take_lock(part: &Path) -> std::io::Result<PartLock> {
    let mut name = OsString::from(part.as_os_str());
    name.push(".lock");
    let path = PathBuf::from(name);
    let mut broke_one = false;
    loop {
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .await
        {
            Ok(mut file) => {
                let lock = PartLock { path };
                file.write_all(format!("{}\n", std::process::id()).as_bytes())
                    .await?;
                file.flush().await?;
                return Ok(lock);
            }
            Err(err) if err.kind() == ErrorKind::AlreadyExists && !broke_one => {
                if !is_stale(&path).await {
                    return Err(err);
                }
                match tokio::fs::remove_file(&path).await {
                    Ok(()) => {}
                    Err(err) if err.kind() == ErrorKind::NotFound => {}
                    Err(err) => return Err(err),
                }
                broke_one = true;
            }
            Err(err) => return Err(err),
        }
    }
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
    let _lock = take_lock(part).await?;

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
    outcome
}
