//! Correct: written as an explicit state machine: an `enum Stage` (`Measure`, `Ask`, `Judge`, `Pump`, `Close`) and one `loop` whose every turn does one step and names the next, instead of straight-line code; the break, the end and a failed write all go through `Close`, which flushes the one handle before the outcome is returned; the unasked 206 (N = 0) is refused, one of the two permitted choices.
//! The part's size and the `Range` come first, the head is judged before the part is touched,
//! a 200 empties the part with `File::create`, a right 206 appends, and the size is counted
//! from the pieces.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Where the call is.
enum Stage {
    /// Read the part's size.
    Measure,
    /// Send the one request.
    Ask { had: u64 },
    /// Read the status and `Content-Range`; open the part accordingly.
    Judge { had: u64, response: Response },
    /// Copy the body, a piece at a time.
    Pump {
        response: Response,
        file: File,
        size: u64,
    },
    /// Flush, then give the outcome.
    Close {
        file: File,
        outcome: Result<u64, ResumeError>,
    },
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let mut stage = Stage::Measure;
    loop {
        stage = match stage {
            Stage::Measure => match tokio::fs::metadata(part).await {
                Ok(metadata) => Stage::Ask {
                    had: metadata.len(),
                },
                Err(err) if err.kind() == ErrorKind::NotFound => Stage::Ask { had: 0 },
                Err(err) => return Err(ResumeError::File(err)),
            },
            Stage::Ask { had } => {
                let request = if had > 0 {
                    client.get(url).header(RANGE, format!("bytes={had}-"))
                } else {
                    client.get(url)
                };
                Stage::Judge {
                    had,
                    response: request.send().await?,
                }
            }
            Stage::Judge { had, response } => match response.status() {
                StatusCode::PARTIAL_CONTENT => {
                    let content_range = response
                        .headers()
                        .get(CONTENT_RANGE)
                        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
                        .unwrap_or_default();
                    match lesson_11::parse_content_range(&content_range) {
                        Some((first, _)) if had > 0 && first == had => Stage::Pump {
                            file: OpenOptions::new().append(true).open(part).await?,
                            response,
                            size: had,
                        },
                        _ => {
                            return Err(ResumeError::WrongRange {
                                asked: had,
                                content_range,
                            });
                        }
                    }
                }
                StatusCode::OK => Stage::Pump {
                    file: File::create(part).await?,
                    response,
                    size: 0,
                },
                status => return Err(ResumeError::Status(status)),
            },
            Stage::Pump {
                mut response,
                mut file,
                size,
            } => match response.chunk().await {
                Ok(Some(piece)) => match file.write_all(&piece).await {
                    Ok(()) => Stage::Pump {
                        response,
                        file,
                        size: size + piece.len() as u64,
                    },
                    Err(err) => Stage::Close {
                        file,
                        outcome: Err(ResumeError::File(err)),
                    },
                },
                Ok(None) => Stage::Close {
                    file,
                    outcome: Ok(size),
                },
                Err(err) => Stage::Close {
                    file,
                    outcome: Err(ResumeError::Http(err)),
                },
            },
            Stage::Close { mut file, outcome } => {
                let flushed = file.flush().await;
                let size = outcome?;
                flushed?;
                return Ok(size);
            }
        };
    }
}
