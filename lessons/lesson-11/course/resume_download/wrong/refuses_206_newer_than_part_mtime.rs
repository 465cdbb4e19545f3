//! Wrong: breaks "`206 Partial Content` whose `Content-Range` starts at byte N (`bytes N-LAST/SIZE`, SIZE being `*` when the server does not know it): its body is appended to `part`" for a right 206 from byte N (N over 0) whose `Last-Modified` is later than the part's modification time (the part written a month ago, `Last-Modified` a week ago; or a part written now and a file redeployed, same bytes, an hour from now)
//! The answer keeps no state: it compares the 206's `Last-Modified` with the time the part was
//! last written, and refuses the 206 as `WrongRange` when the server's file is newer than the
//! part, "the file changed after our first bytes were fetched, so its rest would not fit them".
//! A learner carries it over from wget's `-N` / curl's `-z` timestamping. But a newer date says
//! nothing about the bytes (a redeploy, a `touch`, a CDN that stamps its fetch time), and the
//! contract asks for one thing of a 206 before appending it: that its range starts at N. The
//! HTTP date is parsed by hand (IMF-fixdate), since the crate has no date library.

use std::io::ErrorKind;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, LAST_MODIFIED, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let (had, written) = match tokio::fs::metadata(part).await {
        Ok(metadata) => (metadata.len(), metadata.modified().ok()),
        Err(err) if err.kind() == ErrorKind::NotFound => (0, None),
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
            // The server's file changed after our part was written: its rest is another file's.
            let modified = response
                .headers()
                .get(LAST_MODIFIED)
                .and_then(|value| value.to_str().ok())
                .and_then(http_date_secs);
            let changed = match (written.and_then(unix_secs), modified) {
                (Some(written), Some(modified)) => modified > written,
                _ => false,
            };
            if first_byte(content_range) != Some(had) || (had > 0 && changed) {
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

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}

/// Whole seconds since 1970 of a file time; `None` before 1970.
fn unix_secs(time: SystemTime) -> Option<u64> {
    time.duration_since(UNIX_EPOCH)
        .ok()
        .map(|since| since.as_secs())
}

/// `Sun, 06 Nov 1994 08:49:37 GMT` as whole seconds since 1970; `None` for anything else.
fn http_date_secs(text: &str) -> Option<u64> {
    let mut fields = text.split_whitespace();
    let _weekday = fields.next()?;
    let day: u64 = fields.next()?.parse().ok()?;
    let month: u64 = match fields.next()? {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    let year: u64 = fields.next()?.parse().ok()?;
    let mut clock = fields.next()?.split(':');
    let hour: u64 = clock.next()?.parse().ok()?;
    let minute: u64 = clock.next()?.parse().ok()?;
    let second: u64 = clock.next()?.parse().ok()?;
    if fields.next()? != "GMT"
        || !(1970..=9999).contains(&year)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    // Days since 1970-01-01 of a civil date (H. Hinnant's algorithm, years from March).
    let (y, m) = if month <= 2 {
        (year - 1, month + 9)
    } else {
        (year, month - 3)
    };
    let era = y / 400;
    let year_of_era = y - era * 400;
    let day_of_year = (153 * m + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = (era * 146_097 + day_of_era).checked_sub(719_468)?;
    Some(days * 86_400 + hour * 3_600 + minute * 60 + second)
}
