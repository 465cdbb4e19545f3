//! Wrong: breaks "`Ok(size)`: the size of `part` once the body is all in, every byte written and flushed before the function returns" for a right `206` from byte N (N over 0) that carries an RFC 9530 `Content-Digest` of its own content (a part of 5,003 bytes of `/files/7000`, answered `206` with `Content-Range: bytes 5003-6999/7000` and `Content-Digest: sha-256=:<base64 of the SHA-256 of those 1,997 bytes>:`): the answer appends the body, then returns `Err(ResumeError::File(InvalidData))`.
//! What it does: when the answer carries `Content-Digest` with a `sha-256` member, it hashes the
//! part as lesson 11's `download` does (the bytes already on disk, then each piece as it passes)
//! and compares the whole file's hash with the header once the body is in.
//! Why a learner writes it: the lesson hashes the whole file on a resume, and "the server says
//! the digest, check it" looks like integrity for free. But `Content-Digest` covers the content
//! of this message, which for a `206` is only the rest, not the file (`Repr-Digest` is the one
//! for the whole representation); every correct resume from such a server is refused.
//! Without the header (the common case), or on a `200`, it behaves as the reference.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use sha2::{Digest, Sha256};
use tokio::fs::OpenOptions;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

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
    // The server's digest, when it gives one: the whole file is checked against it at the end.
    let announced = response
        .headers()
        .get("content-digest")
        .and_then(|value| value.to_str().ok())
        .and_then(sha256_member)
        .map(str::to_owned);
    let mut hasher = announced.as_ref().map(|_| Sha256::new());
    if let Some(hasher) = hasher.as_mut() {
        // As lesson 11 does: a resumed file's hash starts with the bytes already on disk.
        hash_prefix(part, size, hasher).await?;
    }

    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                file.write_all(&piece).await?;
                if let Some(hasher) = hasher.as_mut() {
                    hasher.update(&piece);
                }
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    let size = outcome?;

    let digest_matches = match (announced.as_deref(), hasher) {
        (Some(expected), Some(hasher)) => base64(&hasher.finalize()) == expected,
        _ => true,
    };
    if !digest_matches {
        return Err(ResumeError::File(std::io::Error::new(
            ErrorKind::InvalidData,
            "the file does not match the server's Content-Digest",
        )));
    }
    Ok(size)
}

/// Feeds the first `len` bytes of the file at `path` to `hasher`.
async fn hash_prefix(path: &Path, len: u64, hasher: &mut Sha256) -> std::io::Result<()> {
    if len == 0 {
        return Ok(());
    }
    let mut reader = tokio::fs::File::open(path).await?.take(len);
    let mut buffer = vec![0; 64 * 1024];
    loop {
        let read = reader.read(&mut buffer).await?;
        if read == 0 {
            return Ok(());
        }
        hasher.update(&buffer[..read]);
    }
}

/// The base64 of the `sha-256` member of a `Content-Digest` field (`sha-256=:BASE64:`).
fn sha256_member(field: &str) -> Option<&str> {
    field.split(',').find_map(|member| {
        let (key, value) = member.trim().split_once('=')?;
        if key.trim() != "sha-256" {
            return None;
        }
        let value = value.split(';').next()?.trim();
        value.strip_prefix(':')?.strip_suffix(':')
    })
}

/// Standard base64, with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let second = group.get(1).copied().unwrap_or(0);
        let third = group.get(2).copied().unwrap_or(0);
        let triple = (u32::from(group[0]) << 16) | (u32::from(second) << 8) | u32::from(third);
        for index in 0..4_usize {
            if index <= group.len() {
                let sextet = (triple >> (18 - 6 * index)) & 63;
                out.push(char::from(ALPHABET[sextet as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
