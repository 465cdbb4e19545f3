//! Wrong: breaks "`Ok(size)`: the size of `part` once the body is all in"
//! The Python habit of `downloaded = os.path.getsize(part)` at the top and `downloaded +=
//! len(chunk)` in the loop: the learner sets the counter to the part's size before the request and
//! picks the file mode by status ('ab' for 206, 'wb' for 200), but forgets that a 200 starts the
//! count again too. The part on disk is right; only a `200` to a part that already held bytes
//! returns `Ok(N + body)` instead of the part's real size.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    // downloaded = os.path.getsize(part) if os.path.exists(part) else 0
    let mut downloaded = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    let asked = downloaded;

    let mut request = client.get(url);
    if asked > 0 {
        request = request.header(RANGE, format!("bytes={asked}-"));
    }
    let mut response = request.send().await?;

    // mode = 'ab' if resp.status == 206 else 'wb'
    let mut file = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or("")
                .to_owned();
            if first_byte(&content_range) != Some(asked) {
                return Err(ResumeError::WrongRange {
                    asked,
                    content_range,
                });
            }
            OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?
        }
        StatusCode::OK => File::create(part).await?,
        status => return Err(ResumeError::Status(status)),
    };

    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                file.write_all(&piece).await?;
                downloaded += piece.len() as u64;
            }
            Ok(None) => break Ok(downloaded),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}

/// The `FIRST` of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), `None` if it is not that.
fn first_byte(text: &str) -> Option<u64> {
    let (range, total) = text.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = range.split_once('-')?;
    let (first, last): (u64, u64) = (first.parse().ok()?, last.parse().ok()?);
    if first > last {
        return None;
    }
    if total != "*" {
        let total: u64 = total.parse().ok()?;
        if last >= total {
            return None;
        }
    }
    Some(first)
}
