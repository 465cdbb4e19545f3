//! Correct: the body reaches the part through `tokio::io::copy`, from an `AsyncRead` written by hand over `response.chunk()` (each piece is handed out as it arrives); a break is recorded beside the reader and reported as its end of file, so that `copy` writes out every byte it already holds before the call returns `Err(ResumeError::Http(..))`.
//!
//! Differences from the reference: no loop of its own. `tokio::io::copy` reads up to 8 KiB at a
//! time from the reader, writes each read at once, and flushes whenever the network has nothing
//! new, so the part grows as the pieces come. The reader must not report a break as an I/O error:
//! `copy` returns on a read error at once, and bytes still in its buffer (read while the file was
//! busy with the write before) would never reach the part. The break is kept in `broke` instead,
//! and looked at once `copy` has finished and the file is flushed.

use std::io;
use std::io::ErrorKind;
use std::path::Path;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::{AsyncRead, AsyncWriteExt, ReadBuf};

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(err.into()),
    };
    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let response = request.send().await?;

    let (mut file, start) = match response.status() {
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
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            (file, had)
        }
        StatusCode::OK => (tokio::fs::File::create(part).await?, 0),
        status => return Err(ResumeError::Status(status)),
    };

    let mut body = Body::new(response);
    let copied = tokio::io::copy(&mut body, &mut file).await;
    // tokio's `File` may still be writing the last piece: wait for it, whatever happened.
    file.flush().await?;
    match (copied, body.broke.take()) {
        (Err(err), _) => Err(ResumeError::File(err)),
        (Ok(_), Some(broke)) => Err(ResumeError::Http(broke)),
        (Ok(written), None) => Ok(start + written),
    }
}

/// The next piece of a body, with the response handed back for the piece after it.
type NextPiece =
    Pin<Box<dyn Future<Output = (Box<Response>, reqwest::Result<Option<Vec<u8>>>)> + Send>>;

/// A response's body as an `AsyncRead`, one `chunk()` at a time.
struct Body {
    /// The response, while no piece is being waited for and the body is not over.
    response: Option<Box<Response>>,
    /// The piece being waited for.
    next: Option<NextPiece>,
    /// The last piece, and how much of it was handed out.
    piece: Vec<u8>,
    at: usize,
    /// Why the body broke off, if it did: the reader then ends, and the caller reports this.
    broke: Option<reqwest::Error>,
}

impl Body {
    fn new(response: Response) -> Self {
        Self {
            response: Some(Box::new(response)),
            next: None,
            piece: Vec::new(),
            at: 0,
            broke: None,
        }
    }
}

fn next_piece(mut response: Box<Response>) -> NextPiece {
    Box::pin(async move {
        let piece = response
            .chunk()
            .await
            .map(|piece| piece.map(|piece| piece.to_vec()));
        (response, piece)
    })
}

impl AsyncRead for Body {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        loop {
            if this.at < this.piece.len() {
                let take = buf.remaining().min(this.piece.len() - this.at);
                buf.put_slice(&this.piece[this.at..this.at + take]);
                this.at += take;
                return Poll::Ready(Ok(()));
            }
            if this.next.is_none() {
                match this.response.take() {
                    Some(response) => this.next = Some(next_piece(response)),
                    // The body is over, or broke off: end of file.
                    None => return Poll::Ready(Ok(())),
                }
            }
            let Some(next) = this.next.as_mut() else {
                return Poll::Ready(Ok(()));
            };
            let (response, piece) = ready!(next.as_mut().poll(cx));
            this.next = None;
            match piece {
                Ok(Some(piece)) => {
                    this.response = Some(response);
                    this.piece = piece;
                    this.at = 0;
                }
                Ok(None) => return Poll::Ready(Ok(())),
                Err(err) => {
                    this.broke = Some(err);
                    return Poll::Ready(Ok(()));
                }
            }
        }
    }
}

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
