//! Wrong: breaks "one GET of `url` through `client`" (once the first caller's runtime is gone, a call
//! waits for a token that never comes, and never asks)
//! The learner keeps the process polite with the token bucket of every rate-limiting blog post: a
//! `static` `Semaphore` of 20 tokens, each request takes one for good (`forget`), and a refill task,
//! started once by the first call (`Once` + `tokio::spawn`), gives one back every 20 ms (50 requests
//! a second, bursts of 20). It is spawned on the runtime of whoever called first; when that runtime
//! is dropped the task dies with it, the next 20 calls drain the bucket, and the 21st waits for ever.

use std::io::ErrorKind;
use std::path::Path;
use std::sync::Once;
use std::time::Duration;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;
use tokio::sync::Semaphore;

/// The most requests the process may send in a burst.
const BURST: usize = 20;
/// One token back this often: 50 requests a second, steady.
const REFILL_EVERY: Duration = Duration::from_millis(20);

static TOKENS: Semaphore = Semaphore::const_new(BURST);
static REFILL: Once = Once::new();

/// Waits for a token of the process's bucket, and spends it.
async fn take_token() {
    REFILL.call_once(|| {
        tokio::spawn(async {
            let mut tick = tokio::time::interval(REFILL_EVERY);
            loop {
                tick.tick().await;
                if TOKENS.available_permits() < BURST {
                    TOKENS.add_permits(1);
                }
            }
        });
    });
    if let Ok(token) = TOKENS.acquire().await {
        token.forget();
    }
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };

    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    take_token().await;
    let mut response = request.send().await?;

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
                .unwrap_or_default();
            if first_byte(&content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            (file, had)
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

/// FIRST of `bytes FIRST-LAST/SIZE`, when it is a plain number.
fn first_byte(content_range: &str) -> Option<u64> {
    let (first, _) = content_range.strip_prefix("bytes ")?.split_once('-')?;
    if first.is_empty() || !first.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    first.parse().ok()
}
