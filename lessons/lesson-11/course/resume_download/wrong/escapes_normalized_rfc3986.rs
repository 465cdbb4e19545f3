//! Wrong: breaks "one GET of `url` through `client`" for an address with a percent-escape of an unreserved character or in lower case (`http://127.0.0.1:PORT/files/7000?owner=%7Ebob&sig=ab%2fcd`): it is asked as `/files/7000?owner=~bob&sig=ab%2Fcd`.
//!
//! The engineer normalises every address the way RFC 3986 section 6.2.2 describes (escapes in
//! upper case, unreserved characters `A-Z a-z 0-9 - . _ ~` never escaped), so that two spellings
//! of one resource are one key in the logs and one request to the server: the RFC calls them
//! equivalent. But the server compares bytes, and a signed address (an S3 or CDN link whose
//! signature covers the query as written) is no longer what the caller gave. An address whose
//! escapes are already upper case and of characters outside the unreserved set (`%20`, `%2F`,
//! `%C3%A9`) is sent exactly as `client.get(url)` sends it.

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
    let mut request = match normalized(url) {
        Some(normal) => client.get(normal),
        None => client.get(url),
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

/// `url` with its path and query in RFC 3986's normal form; `None` when it is already (or is not
/// an address at all, which `client.get` reports).
fn normalized(url: &str) -> Option<Url> {
    let mut parsed = Url::parse(url).ok()?;
    let path = normalize_escapes(parsed.path());
    let query = parsed.query().map(normalize_escapes);
    if path == parsed.path() && query.as_deref() == parsed.query() {
        return None;
    }
    parsed.set_path(&path);
    parsed.set_query(query.as_deref());
    Some(parsed)
}

/// Escapes in upper case, and unreserved characters unescaped (RFC 3986, 6.2.2.1 and 6.2.2.2).
/// The text is a serialized URL's, so it is ASCII.
fn normalize_escapes(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while at < bytes.len() {
        let escape = if bytes[at] == b'%' && at + 2 < bytes.len() {
            hex_value(bytes[at + 1]).zip(hex_value(bytes[at + 2]))
        } else {
            None
        };
        if let Some((high, low)) = escape {
            let value = high * 16 + low;
            if value.is_ascii_alphanumeric() || matches!(value, b'-' | b'.' | b'_' | b'~') {
                out.push(char::from(value));
            } else {
                out.push('%');
                out.push(char::from(bytes[at + 1].to_ascii_uppercase()));
                out.push(char::from(bytes[at + 2].to_ascii_uppercase()));
            }
            at += 3;
            continue;
        }
        out.push(char::from(bytes[at]));
        at += 1;
    }
    out
}

fn hex_value(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
