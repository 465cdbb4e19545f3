//! Wrong: breaks "no panic"
//! The learner logs one line per resume, "resuming from HOST at byte N", and was careful about the
//! address: it is parsed with `reqwest::Url::parse`, and one that does not parse is left for
//! `send()` to report, so the checks' address with no scheme and no host fails as it must. But
//! "it parsed, so it is a URL, and a URL has a host" is not so: `localhost:PORT/file` parses as
//! the scheme `localhost` with no host, as do `file:///tmp/x` and `mailto:a@b`, and
//! `host_str().expect(..)` panics on them, where the contract wants `Err(Http(..))` (reqwest
//! refuses a scheme it cannot fetch) and no panic.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode, Url};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// The first byte a `Content-Range: bytes FIRST-LAST/SIZE` names, if it has that form.
fn first_byte(content_range: &str) -> Option<u64> {
    let (first, _) = content_range.strip_prefix("bytes ")?.split_once('-')?;
    if first.is_empty() || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    first.parse().ok()
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };

    // One line for the log. An address that does not parse is `send`'s to report, below.
    if let Ok(parsed) = Url::parse(url) {
        let host = parsed.host_str().expect("a parsed URL names its host");
        eprintln!("resume_download: {host}, from byte {had}");
    }

    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            if had == 0 || first_byte(&content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            (OpenOptions::new().append(true).open(part).await?, had)
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
