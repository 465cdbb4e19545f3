//! Wrong: breaks "one GET of `url` through `client`" for two calls at once, each with no part, for the same `url`
//! The learner saves bandwidth as a "single flight" does: a fresh download of a URL that another
//! call is already downloading from its start waits for that one, then copies its part.

use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;
use tokio::sync::watch;

/// The fresh downloads in flight: their URL, their part, and a channel that says when it ends.
type Flights = HashMap<String, (PathBuf, watch::Receiver<bool>)>;

static FLIGHTS: Mutex<Option<Flights>> = Mutex::new(None);

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(err.into()),
    };
    if had > 0 {
        return download(client, url, part, had).await;
    }
    // Either another call's flight to wait for, or this call's own, announced.
    let flight = {
        let mut flights = FLIGHTS.lock().unwrap_or_else(PoisonError::into_inner);
        let flights = flights.get_or_insert_with(HashMap::new);
        if let Some((other, done)) = flights.get(url) {
            Err((other.clone(), done.clone()))
        } else {
            let (tell, done) = watch::channel(false);
            flights.insert(url.to_owned(), (part.to_owned(), done));
            Ok(tell)
        }
    };
    match flight {
        Ok(tell) => {
            let result = download(client, url, part, 0).await;
            let _ = tell.send(true);
            if let Some(flights) = FLIGHTS
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .as_mut()
            {
                flights.remove(url);
            }
            result
        }
        Err((other, mut done)) => {
            let _ = done.wait_for(|done| *done).await;
            tokio::fs::copy(&other, part)
                .await
                .map_err(ResumeError::File)
        }
    }
}

async fn download(client: &Client, url: &str, part: &Path, had: u64) -> Result<u64, ResumeError> {
    let mut request = client.get(url);
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

fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
