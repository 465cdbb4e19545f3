//! Wrong: breaks "one GET of `url` through `client`" for an address whose query holds two or more pairs out of order (`http://127.0.0.1:PORT/files/7000?v=2&token=abc` is asked as `…?token=abc&v=2`)
//! The address is put in a canonical form before it is used, as caches and download managers
//! do so that one file asked two ways is one download (and one entry in a log or a dedup map):
//! the query's `name=value` pairs are sorted. The form is then also what is requested, so the
//! server is asked for another address than `url`: order matters to servers that read a list
//! parameter in order, to signatures computed over the query as written, and to any check that
//! compares the request line. The pairs are moved as they are, not decoded, so every address with
//! no query, or one pair, or pairs already in order, is asked exactly as `client.get(url)` asks
//! it; everything else is the reference.

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
    let mut request = client.get(canonical(url));
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

/// The address with its query's pairs in order, so that `?b=2&a=1` and `?a=1&b=2` are one file.
fn canonical(url: &str) -> String {
    let Ok(mut parsed) = reqwest::Url::parse(url) else {
        // Not an address: reqwest says why when the request is sent.
        return url.to_owned();
    };
    let sorted = parsed.query().map(|query| {
        let mut pairs: Vec<&str> = query.split('&').collect();
        pairs.sort_unstable();
        pairs.join("&")
    });
    if let Some(sorted) = sorted {
        parsed.set_query(Some(&sorted));
    }
    String::from(parsed)
}
