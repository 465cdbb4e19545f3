//! Wrong: breaks "no panic" for a 206 from byte N whose `Content-Length` is near `u64::MAX` (a server's lie, which hyper takes)
//! Kept as a correct variant until round 85: its progress total for a resume is `from + rest`, the
//! part's size plus the 206's `Content-Length`, which overflows and panics when the server
//! announces a length no file has. What it did right, it still does: built on lesson 11's public
//! types: the answer is first sorted into a `lesson_11::Start` (`Resumed { from }`, `Restarted {
//! had }` or `Fresh`), which alone decides how the part is opened and where the count starts; the
//! loop reports a `lesson_11::Progress` to a closure, as `download` does, and the closure keeps a
//! bar made at the first report, as `main.rs`'s `show` does. The `Content-Range` is cut by hand
//! (`split_once` at the unit, `/` and `-`, FIRST must be N and LAST not before it), and a break is
//! matched, not `?`-ed, so that it reaches the flush.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::{Progress, ResumeError, Start, progress_bar};
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Whether `text` is `bytes FIRST-LAST/SIZE` (SIZE a number or `*`) with FIRST equal to `asked`.
fn starts_at(text: &str, asked: u64) -> bool {
    let Some(("bytes", rest)) = text.split_once(' ') else {
        return false;
    };
    let Some((span, size)) = rest.split_once('/') else {
        return false;
    };
    let Some((first, last)) = span.split_once('-') else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(first) || !digits(last) || !(size == "*" || digits(size)) {
        return false;
    }
    match (first.parse::<u64>(), last.parse::<u64>()) {
        (Ok(first), Ok(last)) => first == asked && last >= first,
        _ => false,
    }
}

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

    let start = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let value = response.headers().get(CONTENT_RANGE);
            let text = value.and_then(|value| value.to_str().ok()).unwrap_or("");
            // No range was asked for when `had` is 0: such a 206 is the server's mistake.
            if had == 0 || !starts_at(text, had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: value
                        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
                        .unwrap_or_default(),
                });
            }
            Start::Resumed { from: had }
        }
        StatusCode::OK if had > 0 => Start::Restarted { had },
        StatusCode::OK => Start::Fresh,
        status => return Err(ResumeError::Status(status)),
    };
    let (mut file, mut received) = match start {
        Start::Resumed { from } => (OpenOptions::new().append(true).open(part).await?, from),
        Start::Restarted { .. } | Start::Fresh => (File::create(part).await?, 0),
    };
    let total = match start {
        Start::Resumed { from } => response.content_length().map(|rest| from + rest),
        Start::Restarted { .. } | Start::Fresh => response.content_length(),
    };

    let mut bar = None;
    let mut progress = |progress: Progress| {
        bar.get_or_insert_with(|| progress_bar(progress.total))
            .set_position(progress.received);
    };
    progress(Progress { received, total });
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    break Err(ResumeError::File(err));
                }
                received += piece.len() as u64;
                progress(Progress { received, total });
            }
            Ok(None) => break Ok(received),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    let flushed = file.flush().await;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    flushed?;
    outcome
}
