//! Wrong: breaks "one GET of `url` through `client`" for an address whose path already holds a percent-escape (`http://127.0.0.1:PORT/files/my%20file`, `…/a%2Fb`): it is asked as `…/my%2520file`
//! The engineer escapes the address's path by hand before giving it to reqwest ("file names
//! come with spaces, quotes and accents"), with the set of characters a path may not hold: the
//! space, `"`, `<`, `>`, `` ` ``, `{`, `}`, every byte over 127, and `%`, "since a bare `%` is not
//! valid either". Every character but `%` is escaped exactly as reqwest's own parser escapes it,
//! so an address with spaces, accents or capitals is asked just as `client.get(url)` asks it. But
//! an address that is already escaped, as most addresses copied from a browser or an API are, is
//! escaped twice: `%20` becomes `%2520`, and the server is asked for another file (a 404, or the
//! wrong file). Everything else is the reference.

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
    let mut request = client.get(escaped(url).as_str());
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

/// `url` with the characters a path may not hold escaped in its path, so that any file name works.
fn escaped(url: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let Some(scheme_end) = url.find("://") else {
        // Not an address: reqwest says why when the request is sent.
        return url.to_owned();
    };
    let authority = scheme_end + 3;
    let Some(start) = url[authority..]
        .find(['/', '?', '#'])
        .map(|at| authority + at)
    else {
        return url.to_owned();
    };
    if !url[start..].starts_with('/') {
        return url.to_owned();
    }
    let end = url[start..]
        .find(['?', '#'])
        .map_or(url.len(), |at| start + at);
    let mut out = String::with_capacity(url.len() + 16);
    out.push_str(&url[..start]);
    for byte in url[start..end].bytes() {
        if byte >= 0x80 || b" \"<>`{}%".contains(&byte) {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0f)]));
        } else {
            out.push(char::from(byte));
        }
    }
    out.push_str(&url[end..]);
    out
}
