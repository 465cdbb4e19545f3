//! Wrong: breaks "one GET of `url` through `client`" for a `url` whose host is `localhost` (`http://localhost:PORT/files/7000`), asked of a server that answers by host name or listens on `[::1]` only
//!
//! Before asking, the answer rewrites the host `localhost` to `127.0.0.1`: a habit from Python's
//! requests on Windows, where `localhost` tries `::1` first and every request paid a delay, so
//! scripts learned to say `127.0.0.1` instead ("it is the same machine"). It is not the same
//! request: the server sees `Host: 127.0.0.1:PORT` instead of `Host: localhost:PORT`, so a
//! server that answers by name (a virtual host, a dev server's allowed-hosts check that answers
//! 400 or 403 to an unknown `Host`) refuses it; and a server that listens on `[::1]` only is not
//! reached at all (a failed connection instead of the file). Every other address is asked as
//! given, and an address with no scheme still fails in `client.get`, so only a `localhost`
//! address shows it.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode, Url};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(err.into()),
    };
    // `localhost` may try `::1` first and wait for it: ask the loopback address directly.
    let mut request = match Url::parse(url) {
        Ok(mut parsed) if parsed.host_str() == Some("localhost") => {
            // An `http` or `https` address always takes another host.
            let _ = parsed.set_host(Some("127.0.0.1"));
            client.get(parsed)
        }
        _ => client.get(url),
    };
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
