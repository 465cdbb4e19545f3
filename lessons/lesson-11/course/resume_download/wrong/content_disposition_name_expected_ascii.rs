//! Wrong: breaks "- no panic." for an answer whose `Content-Disposition` holds a UTF-8 file name as raw bytes (a `200` of the file with `Content-Disposition: attachment; filename="résumé.pdf"`, as many servers send it): `HeaderValue::to_str` refuses bytes over 0x7F, and the `expect` panics.
//!
//! The engineer logs the name the server gives the file, as download managers show it: the
//! `filename` of `Content-Disposition`. Header values are ASCII, the engineer reasons (RFC 9110
//! says new fields should be), so `to_str()` "cannot fail" and an `expect` documents it. But
//! servers do put UTF-8 names there as raw bytes, which hyper accepts and `to_str` refuses. An
//! answer without that header, or with an ASCII one, behaves exactly as the reference does.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_DISPOSITION, CONTENT_RANGE, RANGE};
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
    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;
    if let Some(name) = suggested_name(&response) {
        eprintln!("resume_download: {url} is {name:?}");
    }

    let mut file = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default();
            if first_byte(content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: content_range.to_owned(),
                });
            }
            OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?
        }
        StatusCode::OK => tokio::fs::File::create(part).await?,
        status => return Err(ResumeError::Status(status)),
    };

    let mut size = if response.status() == StatusCode::OK {
        0
    } else {
        had
    };
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

/// The file name the server suggests, from `Content-Disposition: attachment; filename="…"`.
fn suggested_name(response: &Response) -> Option<String> {
    let value = response.headers().get(CONTENT_DISPOSITION)?;
    // Header values are ASCII (RFC 9110), so this cannot fail.
    let text = value.to_str().expect("a header value is ASCII");
    let (_, name) = text.split_once("filename=")?;
    let name = name.split(';').next().unwrap_or(name);
    Some(name.trim().trim_matches('"').to_owned())
}

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
