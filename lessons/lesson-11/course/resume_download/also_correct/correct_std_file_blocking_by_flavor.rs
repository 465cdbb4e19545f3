//! Correct: the fixed form of `std_writes_in_block_in_place`: the part is a plain `std::fs::File` written with `std::io::Write`, and each blocking call (open, write, flush) goes through `tokio::task::block_in_place` only when the runtime is the multi-threaded one (asked with `Handle::runtime_flavor`); on a `current_thread` runtime, where `block_in_place` would panic, the call is made directly, as a std `File` written from async code is. The answer is judged with a hand-written cursor over the header's bytes (`bytes `, digits, `-`, digits, `/`, digits or `*`), and a 206 from byte 0 to a request that asked no range is refused (the contract's other permitted choice).

use std::io::{ErrorKind, Write};
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::runtime::{Handle, RuntimeFlavor};

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let multi_thread = Handle::try_current()
        .is_ok_and(|handle| handle.runtime_flavor() == RuntimeFlavor::MultiThread);
    let blocking = |call: &mut dyn FnMut() -> std::io::Result<()>| {
        if multi_thread {
            tokio::task::block_in_place(call)
        } else {
            call()
        }
    };

    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

    let append = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let value = response.headers().get(CONTENT_RANGE);
            let starts_at_n =
                had > 0 && value.and_then(|value| first_byte(value.as_bytes())) == Some(had);
            if !starts_at_n {
                let content_range = value
                    .and_then(|value| value.to_str().ok())
                    .unwrap_or_default()
                    .to_owned();
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            true
        }
        StatusCode::OK => false,
        status => return Err(ResumeError::Status(status)),
    };

    let mut opened = None;
    blocking(&mut || -> std::io::Result<()> {
        let mut options = std::fs::OpenOptions::new();
        if append {
            options.create(true).append(true);
        } else {
            options.create(true).write(true).truncate(true);
        }
        opened = Some(options.open(part)?);
        Ok(())
    })?;
    let Some(mut file) = opened else {
        return Err(ResumeError::File(std::io::Error::other(
            "the part was not opened",
        )));
    };
    let mut size = if append { had } else { 0 };

    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = blocking(&mut || file.write_all(&piece)) {
                    break Err(ResumeError::File(err));
                }
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    let flushed = blocking(&mut || file.flush());
    let size = outcome?;
    flushed?;
    Ok(size)
}

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE digits or `*`), read off the raw bytes.
fn first_byte(text: &[u8]) -> Option<u64> {
    let rest = text.strip_prefix(b"bytes ")?;
    let (first, rest) = digits(rest)?;
    let rest = rest.strip_prefix(b"-")?;
    let (last, rest) = digits(rest)?;
    let rest = rest.strip_prefix(b"/")?;
    if last < first {
        return None;
    }
    if rest != b"*" {
        let (size, rest) = digits(rest)?;
        if !rest.is_empty() || last >= size {
            return None;
        }
    }
    Some(first)
}

/// A run of ASCII digits at the start of `text` as a number (`None` if empty or too large),
/// and what follows it.
fn digits(text: &[u8]) -> Option<(u64, &[u8])> {
    let end = text
        .iter()
        .position(|byte| !byte.is_ascii_digit())
        .unwrap_or(text.len());
    if end == 0 {
        return None;
    }
    let mut value: u64 = 0;
    for &byte in &text[..end] {
        value = value.checked_mul(10)?.checked_add(u64::from(byte - b'0'))?;
    }
    Some((value, &text[end..]))
}
