//! Wrong: breaks "one GET of `url` through `client`, with `Range: bytes=N-` when N is over 0"
//! Beside the `Range`, the request carries `If-Range: bytes`. The learner met `Accept-Ranges:
//! bytes` in the answers and read `If-Range` by its name, "give me the range if you do ranges
//! (in bytes), the whole file otherwise", a safety net for servers without ranges. But
//! `If-Range` names the version the part comes from (an `ETag` or a date); `bytes` matches no
//! version, so a server that honours it (the course's mock, nginx, any HTTP file server)
//! ignores the `Range` and answers `200` with the whole file: what is asked for is not "the
//! bytes from N on". The rest of the code handles that `200` correctly (empties the part,
//! writes the whole file), so the part ends byte for byte right and `Ok(size)` is the right
//! size: the checks that compare the `Range` header and the part see nothing amiss, while no
//! download is ever resumed, every call starts again from byte 0.

use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, IF_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };

    let mut request = client.get(url);
    if had > 0 {
        // The rest, if the server does byte ranges; the whole file if it does not.
        request = request
            .header(RANGE, format!("bytes={had}-"))
            .header(IF_RANGE, "bytes");
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
            let starts_at_had = content_range
                .strip_prefix("bytes ")
                .and_then(|range| range.split_once('-'))
                .and_then(|(first, _)| first.parse::<u64>().ok())
                == Some(had);
            if !starts_at_had {
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
