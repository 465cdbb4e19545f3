//! Wrong: breaks "Dropping the download's future instead would stop it too" (the chapter), and with it, for the call made after a dropped one, "N bytes, where N is the file's size now" and "its body is appended to `part`"
//! What the learner did: the whole download (size, request, checks, pieces, flush) is done
//! right, but inside a task of its own, `tokio::spawn`ed with owned arguments (a clone of the
//! client given, which is the same client, the URL as a `String`, the part as a `PathBuf`);
//! the call only awaits the task's `JoinHandle` and passes a panic on. A `JoinHandle` dropped
//! does not abort its task: when the caller drops the call (a `tokio::time::timeout` around it,
//! a `select!` with Ctrl-C, a cancelled request handler), the download goes on in the
//! background to the end, appending to `part` while the caller believes it stopped; a resume
//! begun at once reads a size that is still growing, asks from there, and appends beside it,
//! so the part ends up with bytes twice.
//! Why a learner thinks it right: it is `asyncio.shield(download())`, the Python habit for work
//! that must not be left half done because the caller stopped waiting; and a spawned task keeps
//! the download off the caller's task, so a slow disk never delays the caller's other work.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let client = client.clone();
    let url = url.to_owned();
    let part = part.to_path_buf();
    // Shielded: once started, the download finishes, whatever the caller does.
    let task = tokio::spawn(async move { download(&client, &url, &part).await });
    match task.await {
        Ok(outcome) => outcome,
        Err(err) if err.is_panic() => std::panic::resume_unwind(err.into_panic()),
        Err(err) => Err(ResumeError::File(std::io::Error::other(err))),
    }
}

async fn download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
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
    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
                .unwrap_or_default();
            let starts_right = matches!(
                lesson_11::parse_content_range(&content_range),
                Some((first, _)) if had > 0 && first == had
            );
            if !starts_right {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            (OpenOptions::new().append(true).open(part).await?, had)
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
    let flushed = file.flush().await;
    let size = outcome?;
    flushed?;
    Ok(size)
}
