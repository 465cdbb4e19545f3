//! Wrong: breaks "`Err(ResumeError::WrongRange { asked: N, content_range })` (the header's text, or `""`)"
//! "Parse, don't validate": the learner turns the header into a `ContentRange` type (`FromStr`,
//! with `Display` writing it back in the same form), and from then on works with the value, not
//! the text. A range that parses but starts elsewhere is reported as `range.to_string()`, "the
//! range the server sent"; a header that does not parse is reported as it came. For every header
//! the checks name the two are the same text; but the grammar's numbers are `1*DIGIT`, and a
//! well-formed `bytes 015003-070000/070001` (or `bytes +15003-…`, which `u64::from_str` takes)
//! comes back as `bytes 15003-70000/70001`, which is not what the server sent.

use std::fmt;
use std::io::ErrorKind;
use std::path::Path;
use std::str::FromStr;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// `bytes FIRST-LAST/SIZE`, SIZE `None` for `*`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ContentRange {
    first: u64,
    last: u64,
    size: Option<u64>,
}

impl FromStr for ContentRange {
    type Err = ();

    fn from_str(text: &str) -> Result<ContentRange, ()> {
        let (span, size) = text
            .strip_prefix("bytes ")
            .ok_or(())?
            .split_once('/')
            .ok_or(())?;
        let size: Option<u64> = match size {
            "*" => None,
            size => Some(size.parse().map_err(|_| ())?),
        };
        let (first, last) = span.split_once('-').ok_or(())?;
        let first: u64 = first.parse().map_err(|_| ())?;
        let last: u64 = last.parse().map_err(|_| ())?;
        if last < first {
            return Err(());
        }
        Ok(ContentRange { first, last, size })
    }
}

impl fmt::Display for ContentRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bytes {}-{}/", self.first, self.last)?;
        match self.size {
            Some(size) => write!(f, "{size}"),
            None => f.write_str("*"),
        }
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
    let mut response = request.send().await?;

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let text = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or("")
                .to_owned();
            match text.parse::<ContentRange>() {
                Ok(range) if range.first == had => {}
                Ok(range) => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range: range.to_string(),
                    });
                }
                Err(()) => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range: text,
                    });
                }
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
