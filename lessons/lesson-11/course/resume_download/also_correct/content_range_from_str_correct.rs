//! Correct: the `Content-Range` is parsed into a small `ContentRange` type through `FromStr`
//! (`bytes FIRST-LAST/SIZE`, SIZE a number or `*`, LAST not before FIRST), every 206 to a request
//! that asked no range is refused (the contract's other leeway), the 200 opens the part with
//! `OpenOptions` (`write` + `create` + `truncate`), and the body is copied by a helper that returns
//! the count and the break separately, so the flush comes before either is reported.

use std::io::ErrorKind;
use std::path::Path;
use std::str::FromStr;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// `bytes FIRST-LAST/SIZE`.
struct ContentRange {
    first: u64,
}

impl FromStr for ContentRange {
    type Err = ();

    fn from_str(text: &str) -> Result<Self, ()> {
        let rest = text.strip_prefix("bytes ").ok_or(())?;
        let (span, size) = rest.split_once('/').ok_or(())?;
        if size != "*" {
            size.parse::<u64>().map_err(drop)?;
        }
        let (first, last) = span.split_once('-').ok_or(())?;
        let first: u64 = first.parse().map_err(drop)?;
        let last: u64 = last.parse().map_err(drop)?;
        if last < first {
            return Err(());
        }
        Ok(Self { first })
    }
}

/// Writes the body to `file` piece by piece: the bytes written, and the error that stopped it.
async fn copy_body(response: &mut Response, file: &mut File) -> (u64, Option<ResumeError>) {
    let mut written = 0;
    loop {
        match response.chunk().await {
            Ok(Some(piece)) => match file.write_all(&piece).await {
                Ok(()) => written += piece.len() as u64,
                Err(err) => return (written, Some(ResumeError::File(err))),
            },
            Ok(None) => return (written, None),
            Err(err) => return (written, Some(ResumeError::Http(err))),
        }
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

    let status = response.status();
    let (mut file, start) = if status == StatusCode::PARTIAL_CONTENT {
        let text = response
            .headers()
            .get(CONTENT_RANGE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let from_here = had > 0
            && text
                .parse::<ContentRange>()
                .is_ok_and(|range| range.first == had);
        if !from_here {
            return Err(ResumeError::WrongRange {
                asked: had,
                content_range: text,
            });
        }
        (
            OpenOptions::new()
                .append(true)
                .create(true)
                .open(part)
                .await?,
            had,
        )
    } else if status == StatusCode::OK {
        let file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(part)
            .await?;
        (file, 0)
    } else {
        return Err(ResumeError::Status(status));
    };

    let (written, stopped) = copy_body(&mut response, &mut file).await;
    file.flush().await?;
    match stopped {
        Some(err) => Err(err),
        None => Ok(start + written),
    }
}
