//! Lesson 11: a body larger than memory, streamed to disk, with progress, a checksum and resume.
//!
//! `response.bytes().await` holds the whole body in memory before you see a byte of it: right
//! for a JSON answer of a few kilobytes, wrong for a file of a few gigabytes. aiohttp's answer is
//! `async for chunk in resp.content.iter_chunked(n)`; reqwest's is `response.chunk().await`
//! (or `bytes_stream()`): each call gives the next piece as it arrives, and the program writes it
//! to disk and forgets it. Memory stays flat whatever the size.
//!
//! [`download`] does what a real downloader does with that:
//! - writes to `{dest}.part` and renames it to `dest` only when every byte is in and on disk, so
//!   the final name never holds half a file (the rename is atomic on one file system);
//! - reports progress as pieces arrive, against `Content-Length`;
//! - hashes the bytes (SHA-256) as they stream, instead of reading the file again afterwards;
//! - resumes: when a `.part` is already there, asks only for the rest (`Range: bytes=N-`, with
//!   `If-Range` naming the version it has), and checks the answer: `206 Partial Content` from
//!   exactly byte N is a resume; a `200` means the server sends the whole file again, so the part
//!   is thrown away; anything else is an error;
//! - stops at a piece boundary when told to (Ctrl-C), with what arrived flushed to the `.part`,
//!   ready to resume.

pub mod exercises;

// The exercise's file names this crate `lesson_11`, as code outside it does (the course's checks
// compile the same file from its tests): this line makes the name work inside the crate too.
extern crate self as lesson_11;

use std::future::Future;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use reqwest::header::{CONTENT_RANGE, ETAG, HeaderValue, IF_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use sha2::{Digest, Sha256};
use tokio::fs::{File, OpenOptions};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

// ANCHOR: client
/// How long the body may go quiet, between two pieces, before the download gives up.
pub const READ_TIMEOUT: Duration = Duration::from_secs(10);

/// How long one download may take in all: generous, since a large file on a slow line takes
/// long; it only bounds a server that trickles a byte every few seconds for ever.
pub const DOWNLOAD_LIMIT: Duration = Duration::from_secs(3600);

/// The course's client with a read timeout: a stalled transfer is noticed within
/// [`READ_TIMEOUT`], however long the whole download takes. The course's 30 s limit on a whole
/// request suits API calls, not files, so [`download`] replaces it, for its request only, with
/// [`DOWNLOAD_LIMIT`].
///
/// # Errors
/// When the TLS backend cannot be initialised (a broken build).
pub fn download_client(base_url: &str) -> Result<Client, reqwest::Error> {
    lesson_support::client::client_builder(base_url)
        .read_timeout(READ_TIMEOUT)
        .build()
}
// ANCHOR_END: client

/// Where the bytes go while they arrive: `{dest}.part`.
pub fn part_path(dest: &Path) -> PathBuf {
    let mut name = dest.as_os_str().to_owned();
    name.push(".part");
    PathBuf::from(name)
}

/// Where the `ETag` of the version in the `.part` is kept, for `If-Range` when resuming:
/// `{dest}.part.etag`.
pub fn tag_path(dest: &Path) -> PathBuf {
    let mut name = part_path(dest).into_os_string();
    name.push(".etag");
    PathBuf::from(name)
}

/// How far a download has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Bytes of the file on disk so far, those of an earlier attempt included.
    pub received: u64,
    /// The file's size, when the server said it.
    pub total: Option<u64>,
}

/// How a download began.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// From the first byte: there was no `.part`.
    Fresh,
    /// From byte `from`, the size of the `.part` found: the server answered `206`.
    Resumed { from: u64 },
    /// From the first byte again, though a `.part` of `had` bytes was there: the server answered
    /// `200` (the file changed, or it does not do ranges), or `416` to a part longer than the file.
    Restarted { had: u64 },
}

/// A finished download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Downloaded {
    /// The file's size.
    pub size: u64,
    pub start: Start,
    /// The SHA-256 of the whole file, computed as it streamed (and from the `.part` on a resume).
    pub sha256: [u8; 32],
}

/// Why a download stopped. Each says what happened and what to do; the ones that keep a `.part`
/// say so, since running again resumes from it.
#[derive(Debug, thiserror::Error)]
pub enum DownloadError {
    /// No answer: the connection failed, or the head did not come in time.
    #[error("the request failed: {0}")]
    Request(#[source] reqwest::Error),
    /// An error status, or a status a download cannot use.
    #[error("the server answered {0}; nothing was downloaded")]
    Status(StatusCode),
    /// A `206` for other bytes than asked: writing them after the `.part` would corrupt it.
    #[error(
        "asked for the bytes from {asked} on, the server answered 206 with `Content-Range: \
         {content_range}`; nothing was written: delete {part} to start again",
        part = .part.display()
    )]
    WrongRange {
        asked: u64,
        content_range: String,
        part: PathBuf,
    },
    /// The body broke off or went quiet for [`READ_TIMEOUT`].
    #[error(
        "the transfer broke off after {received} bytes ({source}); {part} keeps them: run again to resume",
        part = .part.display()
    )]
    BrokeOff {
        received: u64,
        part: PathBuf,
        #[source]
        source: reqwest::Error,
    },
    /// The body ended before the length the server announced.
    #[error(
        "the body ended after {received} of the {expected} bytes announced; {part} keeps them: run \
         again to resume",
        part = .part.display()
    )]
    Short {
        received: u64,
        expected: u64,
        part: PathBuf,
    },
    /// Told to stop (Ctrl-C).
    #[error(
        "stopped after {received} bytes; {part} keeps them: run again to resume",
        part = .part.display()
    )]
    Cancelled { received: u64, part: PathBuf },
    /// Reading or writing the files on disk failed (a full disk, a folder that does not exist).
    #[error("{}: {source}", .path.display())]
    File {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Why exercise 16's `resume_download` stopped (see `src/exercises/resume_download.rs`).
#[derive(Debug, thiserror::Error)]
pub enum ResumeError {
    /// The request failed, or its body broke off.
    #[error("the request failed: {0}")]
    Http(#[from] reqwest::Error),
    /// A status that is neither `206` nor `200`.
    #[error("the server answered {0}")]
    Status(StatusCode),
    /// A `206` whose `Content-Range` does not start at the byte asked for (or is missing).
    #[error(
        "asked for the bytes from {asked} on, the server answered 206 with `Content-Range: {content_range}`"
    )]
    WrongRange { asked: u64, content_range: String },
    /// Reading or writing the part failed.
    #[error("the part file: {0}")]
    File(#[from] std::io::Error),
}

/// The error for `path`, for `map_err`.
fn file_error(path: &Path) -> impl FnOnce(std::io::Error) -> DownloadError + '_ {
    move |source| DownloadError::File {
        path: path.to_owned(),
        source,
    }
}

/// Downloads `url` to `dest`, a piece at a time, resuming from `{dest}.part` if there is one.
/// `progress` hears of every piece; when `cancel` completes, the download stops at the next piece
/// boundary with what arrived on disk, and returns [`DownloadError::Cancelled`].
///
/// # Errors
/// See [`DownloadError`]. Whatever happens, `dest` holds the whole file or was not touched.
pub async fn download<C, P>(
    client: &Client,
    url: &str,
    dest: &Path,
    cancel: C,
    mut progress: P,
) -> Result<Downloaded, DownloadError>
where
    C: Future<Output = ()>,
    P: FnMut(Progress),
{
    tokio::pin!(cancel);
    match attempt(client, url, dest, cancel.as_mut(), &mut progress).await? {
        Attempt::Done(downloaded) => Ok(downloaded),
        Attempt::StartAgain { had } => {
            // The `.part` was of no use: without it, the second attempt asks for no range, so
            // it cannot end here again.
            remove_if_there(&part_path(dest)).await?;
            remove_if_there(&tag_path(dest)).await?;
            match attempt(client, url, dest, cancel, &mut progress).await? {
                Attempt::Done(downloaded) => Ok(Downloaded {
                    start: Start::Restarted { had },
                    ..downloaded
                }),
                // Only if the server answers 416 to a request without a range: its status.
                Attempt::StartAgain { .. } => {
                    Err(DownloadError::Status(StatusCode::RANGE_NOT_SATISFIABLE))
                }
            }
        }
    }
}

/// How one attempt of [`download`] ended, when it did not fail.
enum Attempt {
    Done(Downloaded),
    /// A `416` to a `.part` of `had` bytes that is not the whole file: start from nothing.
    StartAgain {
        had: u64,
    },
}

/// One request of [`download`], and the writing of its body.
async fn attempt<C, P>(
    client: &Client,
    url: &str,
    dest: &Path,
    mut cancel: std::pin::Pin<&mut C>,
    progress: &mut P,
) -> Result<Attempt, DownloadError>
where
    C: Future<Output = ()>,
    P: FnMut(Progress),
{
    let part = part_path(dest);
    let tag = tag_path(dest);

    // ANCHOR: resume_request
    // What an earlier attempt left: its size, and the version it came from.
    let had = match tokio::fs::metadata(&part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(file_error(&part)(err)),
    };
    let mut request = client.get(url).timeout(DOWNLOAD_LIMIT);
    if had > 0 {
        // Only the rest; and only if the file is still the version we have (`If-Range`):
        // otherwise the server sends all of it, with 200.
        request = request.header(RANGE, format!("bytes={had}-"));
        if let Ok(etag) = tokio::fs::read_to_string(&tag).await
            && let Ok(etag) = HeaderValue::from_str(etag.trim())
        {
            request = request.header(IF_RANGE, etag);
        }
    }
    let mut response = tokio::select! {
        biased;
        () = cancel.as_mut() => {
            return Err(DownloadError::Cancelled { received: had, part });
        }
        response = request.send() => response.map_err(DownloadError::Request)?,
    };
    // ANCHOR_END: resume_request

    // ANCHOR: resume_answer
    let (start, total) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            // Exactly the bytes we asked for, or nothing: appending others would corrupt the file.
            let content_range = header_text(&response, CONTENT_RANGE);
            match parse_content_range(&content_range) {
                Some((first, total)) if had > 0 && first == had => {
                    (Start::Resumed { from: had }, total)
                }
                _ => {
                    return Err(DownloadError::WrongRange {
                        asked: had,
                        content_range,
                        part,
                    });
                }
            }
        }
        StatusCode::RANGE_NOT_SATISFIABLE if had > 0 => {
            // Nothing from byte `had` on: the part is the whole file already (an earlier run
            // stopped between its last byte and the rename), or longer than the file (another
            // version): then start again.
            let content_range = header_text(&response, CONTENT_RANGE);
            let size = parse_content_range(&content_range).and_then(|(_, total)| total);
            if size == Some(had) {
                let sha256 = hash_file(&part).await?;
                finish(&part, &tag, dest).await?;
                progress(Progress {
                    received: had,
                    total: size,
                });
                return Ok(Attempt::Done(Downloaded {
                    size: had,
                    start: Start::Resumed { from: had },
                    sha256,
                }));
            }
            return Ok(Attempt::StartAgain { had });
        }
        // A 200: the whole file, from the first byte, whatever we asked.
        StatusCode::OK => {
            let start = if had > 0 {
                Start::Restarted { had }
            } else {
                Start::Fresh
            };
            (start, response.content_length())
        }
        status => return Err(DownloadError::Status(status)),
    };
    // ANCHOR_END: resume_answer

    // A resumed file's hash starts with the bytes already on disk.
    let mut hasher = Sha256::new();
    let mut file = if let Start::Resumed { .. } = start {
        hash_into(&part, &mut hasher).await?;
        OpenOptions::new()
            .append(true)
            .open(&part)
            .await
            .map_err(file_error(&part))?
    } else {
        File::create(&part).await.map_err(file_error(&part))?
    };
    // The version these bytes come from, for `If-Range` if this attempt is cut short.
    match response.headers().get(ETAG).map(HeaderValue::to_str) {
        Some(Ok(etag)) => tokio::fs::write(&tag, etag)
            .await
            .map_err(file_error(&tag))?,
        _ => remove_if_there(&tag).await?,
    }

    // ANCHOR: stream
    let mut received = match start {
        Start::Resumed { from } => from,
        Start::Fresh | Start::Restarted { .. } => 0,
    };
    progress(Progress { received, total });
    loop {
        // The next piece, as soon as it arrives; or the order to stop, between two pieces.
        let piece = tokio::select! {
            biased;
            () = cancel.as_mut() => {
                flush(file, &part).await?;
                return Err(DownloadError::Cancelled { received, part });
            }
            piece = response.chunk() => piece,
        };
        match piece {
            Ok(Some(bytes)) => {
                file.write_all(&bytes).await.map_err(file_error(&part))?;
                hasher.update(&bytes);
                received += bytes.len() as u64;
                progress(Progress { received, total });
            }
            Ok(None) => break,
            Err(source) => {
                flush(file, &part).await?;
                return Err(DownloadError::BrokeOff {
                    received,
                    part,
                    source,
                });
            }
        }
    }
    flush(file, &part).await?;
    // ANCHOR_END: stream
    if let Some(expected) = total
        && received != expected
    {
        return Err(DownloadError::Short {
            received,
            expected,
            part,
        });
    }
    finish(&part, &tag, dest).await?;
    Ok(Attempt::Done(Downloaded {
        size: received,
        start,
        sha256: hasher.finalize().into(),
    }))
}

/// A header's value as text, or empty.
fn header_text(response: &Response, name: reqwest::header::HeaderName) -> String {
    response
        .headers()
        .get(name)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// `bytes FIRST-LAST/TOTAL` as `(FIRST, Some(TOTAL))`, `bytes FIRST-LAST/*` as `(FIRST, None)`,
/// `bytes */TOTAL` as `(0, Some(TOTAL))`; `None` when it is none of these.
pub fn parse_content_range(text: &str) -> Option<(u64, Option<u64>)> {
    let (range, total) = text.trim().strip_prefix("bytes ")?.split_once('/')?;
    let total = match total {
        "*" => None,
        total => Some(total.parse().ok()?),
    };
    if range == "*" {
        return Some((0, total));
    }
    let (first, last) = range.split_once('-')?;
    let (first, last): (u64, u64) = (first.parse().ok()?, last.parse().ok()?);
    (first <= last && total.is_none_or(|total| last < total)).then_some((first, total))
}

/// Writes out what tokio's `File` still buffers, and asks the OS to put it on the disk, so that
/// the `.part` holds every byte counted as received (a resume trusts its size).
async fn flush(mut file: File, path: &Path) -> Result<(), DownloadError> {
    file.flush().await.map_err(file_error(path))?;
    file.sync_all().await.map_err(file_error(path))
}

/// Gives the whole file its final name, and forgets the version tag.
async fn finish(part: &Path, tag: &Path, dest: &Path) -> Result<(), DownloadError> {
    tokio::fs::rename(part, dest)
        .await
        .map_err(file_error(dest))?;
    remove_if_there(tag).await
}

async fn remove_if_there(path: &Path) -> Result<(), DownloadError> {
    match tokio::fs::remove_file(path).await {
        Err(err) if err.kind() != ErrorKind::NotFound => Err(file_error(path)(err)),
        _ => Ok(()),
    }
}

/// Feeds the file at `path` to `hasher`, 64 KiB at a time.
async fn hash_into(path: &Path, hasher: &mut Sha256) -> Result<(), DownloadError> {
    let mut file = File::open(path).await.map_err(file_error(path))?;
    let mut buffer = vec![0; 64 * 1024];
    loop {
        let read = file.read(&mut buffer).await.map_err(file_error(path))?;
        if read == 0 {
            return Ok(());
        }
        hasher.update(&buffer[..read]);
    }
}

/// The SHA-256 of the file at `path`.
async fn hash_file(path: &Path) -> Result<[u8; 32], DownloadError> {
    let mut hasher = Sha256::new();
    hash_into(path, &mut hasher).await?;
    Ok(hasher.finalize().into())
}

/// A SHA-256 as the 64 hex digits `sha256sum` prints.
pub fn hex(sha256: &[u8; 32]) -> String {
    sha256.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The SHA-256 of the course mock's file of `size` bytes (`GET /files/{size}`), computed from
/// `mock_server::file_bytes` a piece at a time: what a download of it must give.
pub fn expected_sha256(size: u64) -> [u8; 32] {
    let mut hasher = Sha256::new();
    let mut offset = 0;
    while offset < size {
        let end = size.min(offset + (1 << 20));
        hasher.update(mock_server::file_bytes(offset..end));
        offset = end;
    }
    hasher.finalize().into()
}

// ANCHOR: progress_bar
/// A progress bar in bytes, on stderr (hidden when stderr is not a terminal): the size, when
/// known, gives it a length; without one it counts up.
///
/// # Panics
/// Never: the templates are fixed and valid.
pub fn progress_bar(total: Option<u64>) -> ProgressBar {
    let (length, template) = match total {
        Some(total) => (
            Some(total),
            "{bar:30.cyan/blue} {bytes:>10}/{total_bytes}  {bytes_per_sec:>12}  eta {eta}",
        ),
        None => (None, "{spinner} {bytes:>10}  {bytes_per_sec:>12}"),
    };
    let style = ProgressStyle::with_template(template)
        .expect("the templates are valid indicatif templates");
    ProgressBar::with_draw_target(length, ProgressDrawTarget::stderr()).with_style(style)
}
// ANCHOR_END: progress_bar

/// The most memory this process has held at once (its peak resident set, `VmHWM` in
/// `/proc/self/status`), in bytes; `None` where the system does not say (outside Linux).
pub fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kib: u64 = line
        .trim_start_matches("VmHWM:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kib * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_ranges() {
        assert_eq!(
            parse_content_range("bytes 100-999/1000"),
            Some((100, Some(1000)))
        );
        assert_eq!(parse_content_range("bytes 0-9/*"), Some((0, None)));
        assert_eq!(parse_content_range("bytes */1000"), Some((0, Some(1000))));
        assert_eq!(parse_content_range("bytes 100-1000/1000"), None);
        assert_eq!(parse_content_range("bytes 10-5/1000"), None);
        assert_eq!(parse_content_range("items 0-9/10"), None);
        assert_eq!(parse_content_range(""), None);
    }

    #[test]
    fn side_files_sit_beside_the_destination() {
        let dest = Path::new("/tmp/x/file.bin");
        assert_eq!(part_path(dest), Path::new("/tmp/x/file.bin.part"));
        assert_eq!(tag_path(dest), Path::new("/tmp/x/file.bin.part.etag"));
    }

    #[test]
    fn the_expected_hash_is_that_of_the_bytes() {
        let size = 3 * (1 << 20) + 17;
        let mut hasher = Sha256::new();
        hasher.update(mock_server::file_bytes(0..size));
        assert_eq!(expected_sha256(size), <[u8; 32]>::from(hasher.finalize()));
    }
}
