//! Correct: the engineer's extras, kept to those that change no outcome: every piece is followed by
//! `sync_data` (what arrived is on the disk, not only in the page cache, before the next piece is
//! asked for), each decision and the end are logged to stderr, and the answer is sorted into a
//! small plan (`Continue` / `Restart`) by a function of its own that reads the whole
//! `Content-Range` (FIRST ≤ LAST, LAST < SIZE when SIZE is a number); a 206 to N = 0 is refused
//! whatever it says.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Where the body goes.
enum Plan {
    /// After the `had` bytes the part holds.
    Continue,
    /// Over an emptied part.
    Restart,
}

fn content_range_starts_at(text: &str, had: u64) -> bool {
    let Some(rest) = text.strip_prefix("bytes ") else {
        return false;
    };
    let Some((span, size)) = rest.split_once('/') else {
        return false;
    };
    let Some((first, last)) = span.split_once('-') else {
        return false;
    };
    let (Ok(first), Ok(last)) = (first.parse::<u64>(), last.parse::<u64>()) else {
        return false;
    };
    let size_fits = match size {
        "*" => true,
        size => size.parse::<u64>().is_ok_and(|size| last < size),
    };
    first == had && first <= last && size_fits
}

/// The plan for `response`, or the error it is.
fn judge(response: &Response, had: u64) -> Result<Plan, ResumeError> {
    match response.status() {
        StatusCode::OK => Ok(Plan::Restart),
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .map(|value| value.to_str().unwrap_or_default().to_owned())
                .unwrap_or_default();
            if had > 0 && content_range_starts_at(&content_range, had) {
                Ok(Plan::Continue)
            } else {
                Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                })
            }
        }
        status => Err(ResumeError::Status(status)),
    }
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => {
            eprintln!("resume: cannot read the size of {}: {err}", part.display());
            return Err(ResumeError::File(err));
        }
    };

    let request = if had > 0 {
        eprintln!(
            "resume: {} holds {had} bytes, asking for the rest",
            part.display()
        );
        client.get(url).header(RANGE, format!("bytes={had}-"))
    } else {
        client.get(url)
    };
    let mut response = request.send().await?;

    let plan = match judge(&response, had) {
        Ok(plan) => plan,
        Err(err) => {
            eprintln!("resume: {err}; {} left as it was", part.display());
            return Err(err);
        }
    };
    let (mut file, mut size) = match plan {
        Plan::Continue => (OpenOptions::new().append(true).open(part).await?, had),
        Plan::Restart => {
            if had > 0 {
                eprintln!(
                    "resume: the server sent the whole file; starting {} again",
                    part.display()
                );
            }
            (File::create(part).await?, 0)
        }
    };

    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                let written = async {
                    file.write_all(&piece).await?;
                    file.flush().await?;
                    file.sync_data().await
                }
                .await;
                if let Err(err) = written {
                    break Err(ResumeError::File(err));
                }
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => {
                eprintln!(
                    "resume: the body broke off; {} keeps {size} bytes",
                    part.display()
                );
                break Err(ResumeError::Http(err));
            }
        }
    };
    file.flush().await?;
    file.sync_data().await?;
    if let Ok(size) = &outcome {
        eprintln!("resume: {} is complete, {size} bytes", part.display());
    }
    outcome
}
