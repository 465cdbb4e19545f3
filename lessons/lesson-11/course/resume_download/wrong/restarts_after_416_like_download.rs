//! Wrong: breaks "any other status (a 416, a 404, a 503, a 300 …): `Err(ResumeError::Status(status))`, and `part` is left as it was" (and with it "one GET of `url` through `client`")
//! Copied from lesson 11's `download`: a `416` to a range means "nothing from byte N on", so the
//! part is of no use; it is removed and the file asked for again without a range, exactly as
//! `Attempt::StartAgain` does ("without it, the second attempt asks for no range, so it cannot end
//! here again"). The learner dropped only the "part already complete" branch, which finishes with a
//! rename this exercise has no destination for.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::{ResumeError, parse_content_range};
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// The part's size, 0 when there is none.
async fn part_size(part: &Path) -> Result<u64, ResumeError> {
    match tokio::fs::metadata(part).await {
        Ok(metadata) => Ok(metadata.len()),
        Err(err) if err.kind() == ErrorKind::NotFound => Ok(0),
        Err(err) => Err(ResumeError::File(err)),
    }
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let mut had = part_size(part).await?;
    let mut started_again = false;
    let (mut response, mut file, mut size) = loop {
        let mut request = client.get(url);
        if had > 0 {
            request = request.header(RANGE, format!("bytes={had}-"));
        }
        let response = request.send().await?;
        match response.status() {
            StatusCode::PARTIAL_CONTENT => {
                let content_range = response
                    .headers()
                    .get(CONTENT_RANGE)
                    .and_then(|value| value.to_str().ok())
                    .unwrap_or_default()
                    .to_owned();
                match parse_content_range(&content_range) {
                    Some((first, _)) if had > 0 && first == had => {
                        let file = OpenOptions::new().append(true).open(part).await?;
                        break (response, file, had);
                    }
                    _ => {
                        return Err(ResumeError::WrongRange {
                            asked: had,
                            content_range,
                        });
                    }
                }
            }
            StatusCode::OK => {
                let file = File::create(part).await?;
                break (response, file, 0);
            }
            // As lesson 11's `download`: nothing from byte `had` on, the part does not fit the
            // file. Without it, the second attempt asks for no range, so it cannot end here again.
            StatusCode::RANGE_NOT_SATISFIABLE if had > 0 && !started_again => {
                match tokio::fs::remove_file(part).await {
                    Err(err) if err.kind() != ErrorKind::NotFound => return Err(err.into()),
                    _ => {}
                }
                had = 0;
                started_again = true;
            }
            status => return Err(ResumeError::Status(status)),
        }
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
