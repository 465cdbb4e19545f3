//! Wrong: breaks "the body is written to `part` piece by piece as it arrives (`response.chunk()`), never held whole in memory: while a large body is on its way, `part` grows"
//! The learner protects the good bytes an earlier attempt left: a `206` is streamed piece by piece
//! into a side file (`{part}.rest`, the browser's `.crdownload` habit), and appended to `part` in
//! one streamed copy once the body is in, or once it breaks (so what arrived is still kept). A
//! `200` has nothing to protect and goes straight into the emptied part. Memory stays flat and
//! every byte ends in the right place, but during a `206` the part does not grow at all.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Where the rest of a resumed file waits until it is all in.
fn side_path(part: &Path) -> PathBuf {
    let mut name = part.as_os_str().to_owned();
    name.push(".rest");
    PathBuf::from(name)
}

/// Whether `bytes FIRST-LAST/SIZE` starts at byte `n`.
fn starts_at(content_range: &str, n: u64) -> bool {
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    let Some(rest) = content_range.strip_prefix("bytes ") else {
        return false;
    };
    let Some((span, size)) = rest.split_once('/') else {
        return false;
    };
    let Some((first, last)) = span.split_once('-') else {
        return false;
    };
    digits(first)
        && digits(last)
        && (size == "*" || digits(size))
        && first.parse::<u64>().ok() == Some(n)
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

    // For a 206, the body goes to a side file first; for a 200, straight into the emptied part.
    let (mut file, staged) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            if !starts_at(&content_range, had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            let side = side_path(part);
            let file = File::create(&side).await?;
            (file, Some(side))
        }
        StatusCode::OK => (File::create(part).await?, None),
        status => return Err(ResumeError::Status(status)),
    };

    let mut received: u64 = 0;
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    break Err(ResumeError::File(err));
                }
                received += piece.len() as u64;
            }
            Ok(None) => break Ok(()),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    drop(file);

    let size = match staged {
        Some(side) => {
            // Whatever arrived (all of it, or up to a break) now joins the good bytes.
            let mut rest = File::open(&side).await?;
            let mut whole = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            tokio::io::copy(&mut rest, &mut whole).await?;
            whole.flush().await?;
            drop(rest);
            tokio::fs::remove_file(&side).await?;
            had + received
        }
        None => received,
    };
    outcome.map(|()| size)
}
