//! Wrong: breaks "`Ok(size)`: the size of `part` once the body is all in, every byte written and flushed before the function returns" for an answer whose `Last-Modified` is in one of the two older HTTP-date forms that RFC 9110 says a recipient MUST accept (a `200` of `/files/7000` with `Last-Modified: Sunday, 06-Nov-94 08:49:37 GMT` (RFC 850) or `Last-Modified: Sun Nov  6 08:49:37 1994` (asctime), or a right `206` with one): the part is complete, and the call returns `Err(ResumeError::File(InvalidData))`.
//! What it does: once the body is all in and flushed, it gives the part the server's
//! `Last-Modified` as its modification time, as `curl -R` and `wget` do, so that the file keeps
//! the date it has on the server. The date is read as IMF-fixdate
//! (`Sun, 06 Nov 1994 08:49:37 GMT`); one it cannot read is reported as bad data.
//! Why an engineer writes it: keeping the server's date is a familiar downloader feature, and
//! RFC 9110 says senders MUST generate IMF-fixdate, so the strict parser looks right. But the
//! same section says recipients MUST accept the two obsolete forms, which old servers and some
//! CGI scripts still send; and a date that cannot be read is no reason to fail a good download.
//! Without `Last-Modified` (the mock's files), or with an IMF-fixdate one (the 2098 of the
//! checks included), it behaves as the reference, with the part's time set.

use std::io::ErrorKind;
use std::path::Path;
use std::time::{Duration, SystemTime};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, LAST_MODIFIED, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

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
    // The server's date for the file, kept on the part like `curl -R` does.
    let last_modified = response
        .headers()
        .get(LAST_MODIFIED)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned());

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
    let size = outcome?;

    if let Some(text) = last_modified {
        let when = http_date(&text).ok_or_else(|| {
            std::io::Error::new(
                ErrorKind::InvalidData,
                format!("`Last-Modified: {text}` is not an HTTP date"),
            )
        })?;
        // Best effort: a file system that keeps no times is no reason to fail.
        let _ = file.into_std().await.set_modified(when);
    }
    Ok(size)
}

/// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the form RFC 9110 says senders generate.
fn http_date(text: &str) -> Option<SystemTime> {
    let mut fields = text.split_whitespace();
    let _weekday = fields.next()?;
    let day: i64 = fields.next()?.parse().ok()?;
    let month_name = fields.next()?;
    let year: i64 = fields.next()?.parse().ok()?;
    let clock = fields.next()?;
    if fields.next()? != "GMT" || fields.next().is_some() {
        return None;
    }
    let month = i64::try_from(MONTHS.iter().position(|name| *name == month_name)?).ok()? + 1;
    let mut clock = clock.split(':');
    let hour: i64 = clock.next()?.parse().ok()?;
    let minute: i64 = clock.next()?.parse().ok()?;
    let second: i64 = clock.next()?.parse().ok()?;
    if clock.next().is_some() {
        return None;
    }
    let in_range = (1..=9999).contains(&year)
        && (1..=31).contains(&day)
        && (0..=23).contains(&hour)
        && (0..=59).contains(&minute)
        && (0..=60).contains(&second);
    if !in_range {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second;
    SystemTime::UNIX_EPOCH.checked_add(Duration::from_secs(u64::try_from(seconds).ok()?))
}

/// Days from 1970-01-01 to the given date of the proleptic Gregorian calendar.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = if month > 2 { month - 3 } else { month + 9 };
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
