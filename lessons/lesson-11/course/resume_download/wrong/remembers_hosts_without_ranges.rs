//! Wrong: breaks "one GET of `url` through `client`, with `Range: bytes=N-` when N is over 0"
//! The download-manager habit of remembering "server does not support resume": once a server
//! has answered a `Range` with `200` (the whole file), the learner keeps its host name in a
//! `static` set and asks that host for no range again ("it ignores ranges anyway, and a few
//! answer a range they do not do with 416"). Keyed by host name, every server on 127.0.0.1 is
//! "the same server": after one 200 to a range, no later call there sends `Range` any more.

use std::collections::HashSet;
use std::io::ErrorKind;
use std::path::Path;
use std::sync::{Mutex, OnceLock};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode, Url};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// The hosts that answered a range with the whole file: they do not do ranges.
fn hosts_without_ranges() -> &'static Mutex<HashSet<String>> {
    static HOSTS: OnceLock<Mutex<HashSet<String>>> = OnceLock::new();
    HOSTS.get_or_init(|| Mutex::new(HashSet::new()))
}

/// The host a URL names, `None` if it does not parse or names none.
fn host_of(url: &str) -> Option<String> {
    Url::parse(url).ok()?.host_str().map(str::to_owned)
}

fn known_without_ranges(host: Option<&String>) -> bool {
    host.is_some_and(|host| {
        hosts_without_ranges()
            .lock()
            .map(|hosts| hosts.contains(host))
            .unwrap_or(false)
    })
}

fn remember_without_ranges(host: Option<String>) {
    if let Some(host) = host
        && let Ok(mut hosts) = hosts_without_ranges().lock()
    {
        hosts.insert(host);
    }
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };

    // No point asking a range of a server that has shown it ignores them.
    let host = host_of(url);
    let asked = if had > 0 && !known_without_ranges(host.as_ref()) {
        had
    } else {
        0
    };
    let mut request = client.get(url);
    if asked > 0 {
        request = request.header(RANGE, format!("bytes={asked}-"));
    }
    let mut response = request.send().await?;

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
                .unwrap_or_default();
            if first_byte(&content_range) != Some(asked) {
                return Err(ResumeError::WrongRange {
                    asked,
                    content_range,
                });
            }
            let file = if asked == 0 {
                // No range was asked: whatever comes is the file from its start.
                File::create(part).await?
            } else {
                OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(part)
                    .await?
            };
            (file, asked)
        }
        StatusCode::OK => {
            if asked > 0 {
                remember_without_ranges(host);
            }
            (File::create(part).await?, 0)
        }
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

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), when the header has that form.
fn first_byte(content_range: &str) -> Option<u64> {
    let (unit, rest) = content_range.split_once(' ')?;
    if !unit.eq_ignore_ascii_case("bytes") {
        return None;
    }
    let (span, total) = rest.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let (first, last) = (number(first)?, number(last)?);
    if total != "*" {
        number(total)?;
    }
    (first <= last).then_some(first)
}

fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
