//! Wrong: breaks "one GET of `url` through `client`" for an address whose host is `localhost` (`http://localhost:PORT/files/7000`): it is asked of `127.0.0.1:PORT`, with `Host: 127.0.0.1:PORT`
//! A well-known fast path: on machines where `localhost` resolves to `::1` first, a client tries
//! IPv6, waits, then falls back to IPv4, and local downloads start late; so the engineer pins
//! `localhost` to `127.0.0.1` before the request. The request is then no longer the one for
//! `url`: its `Host` header names another host (a server that serves by name answers for
//! another site, or refuses), and a server listening on `[::1]` only is not reached at all (a
//! failed connection instead of the file). Addresses with any other host, or no scheme, are
//! asked exactly as `client.get(url)` asks them; everything else is the reference.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(err.into()),
    };
    let mut request = client.get(pinned(url).as_str());
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

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

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}

/// `url` with `localhost` replaced by `127.0.0.1`, which skips a slow IPv6 attempt.
fn pinned(url: &str) -> String {
    match reqwest::Url::parse(url) {
        Ok(mut parsed) if parsed.host_str() == Some("localhost") => {
            if parsed.set_host(Some("127.0.0.1")).is_ok() {
                String::from(parsed)
            } else {
                url.to_owned()
            }
        }
        _ => url.to_owned(),
    }
}
