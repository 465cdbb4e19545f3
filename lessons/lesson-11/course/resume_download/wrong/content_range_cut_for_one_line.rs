//! Wrong: breaks "`Err(ResumeError::WrongRange { asked: N, content_range })` (the header's text, or `""`)"
//! The learner keeps error messages to one line of a terminal, the log-hygiene habit of never
//! pasting a whole server-chosen string into a message (a header may be kilobytes long): the
//! `Content-Range` goes into `WrongRange` cut to its first 64 characters, with `…` marking the cut.
//! Every header the learner can think of is shorter than that ("`bytes`, three numbers"), and so
//! is every one the checks name; a longer one (three 20-digit numbers, or a proxy's garbage) is
//! reported cut, which is no longer the header's text.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// How much of a server's header text an error message shows.
const SHOWN: usize = 64;

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

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let text = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or("")
                .to_owned();
            if first_byte(&text) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: one_line(&text),
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

/// A server's text, short enough for one line of a message.
fn one_line(text: &str) -> String {
    if text.chars().count() <= SHOWN {
        return text.to_owned();
    }
    let mut shown: String = text.chars().take(SHOWN - 1).collect();
    shown.push('…');
    shown
}

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), or `None` for any other form.
fn first_byte(text: &str) -> Option<u64> {
    let (span, size) = text.strip_prefix("bytes ")?.split_once('/')?;
    if size != "*" {
        size.parse::<u64>().ok()?;
    }
    let (first, last) = span.split_once('-')?;
    let (first, last): (u64, u64) = (first.parse().ok()?, last.parse().ok()?);
    (first <= last).then_some(first)
}
