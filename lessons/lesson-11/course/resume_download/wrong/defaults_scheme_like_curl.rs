//! Wrong: breaks "one GET of `url` through `client`, with `Range: bytes=N-` when N is over 0, and no `Range` when N is 0"
//! The learner comes from curl, wget and httpie, which all read `example.com/file.iso` as
//! `http://example.com/file.iso`, and gave the function the same convenience: an address without
//! `://` gets `http://` in front before the request. The address the checks send with no scheme
//! and no host still fails (`http://not a url` is no address either; `http:///file` names a host
//! `file` that no lookup finds), but `127.0.0.1:PORT/file` or `localhost:PORT/file`, which is not a URL, is downloaded
//! as `http://127.0.0.1:PORT/file`, where the contract's one GET of `url` can only fail.

use std::borrow::Cow;
use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// `host/path` means `http://host/path`, as curl, wget and httpie read it.
fn with_scheme(url: &str) -> Cow<'_, str> {
    if url.contains("://") {
        Cow::Borrowed(url)
    } else {
        Cow::Owned(format!("http://{url}"))
    }
}

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

    let address = with_scheme(url);
    let mut request = client.get(&*address);
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
