//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`" (each call asks the server; a digest is of a body that arrived in that call)
//! The learner caches the way an HTTP/1.0 cache does: an answer that carries an `Expires` date in
//! the future "is promised not to change before then", so its digest is kept, process-wide, keyed
//! by the URL and the digest function, and a later call inside that date is answered from memory
//! without a request. `Cache-Control`, `Age`, `ETag` and `Last-Modified` are left alone ("relative
//! times and validators are a proxy's business"), so an answer that carries only those is asked
//! for every time; but a server that dates its answers (`Expires: <a date an hour ahead>`, as many
//! CDNs and frameworks add beside `max-age`) is asked once per hour.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures::future::join_all;
use reqwest::Client;
use reqwest::header::EXPIRES;

/// A digest, keyed by the post's URL and the digest function, with the date it is good until.
type Cache = Mutex<HashMap<(String, usize), (SystemTime, u64)>>;

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// A digest kept for this key whose `Expires` has not passed.
fn fresh(key: &(String, usize)) -> Option<u64> {
    let cache = cache().lock().unwrap_or_else(PoisonError::into_inner);
    let &(until, value) = cache.get(key)?;
    (until > SystemTime::now()).then_some(value)
}

fn remember(key: (String, usize), until: SystemTime, value: u64) {
    let mut cache = cache().lock().unwrap_or_else(PoisonError::into_inner);
    cache.insert(key, (until, value));
}

/// Days from 1970-01-01 to the given civil date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = (if year >= 0 { year } else { year - 399 }) / 400;
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// An IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`; anything else (`-1`, `0`) is no date.
fn parse_http_date(value: &str) -> Option<SystemTime> {
    let mut parts = value.split_whitespace();
    let _weekday = parts.next()?;
    let day: i64 = parts.next()?.parse().ok()?;
    let month = match parts.next()? {
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
    let year: i64 = parts.next()?.parse().ok()?;
    let mut clock = parts.next()?.split(':');
    let hours: u64 = clock.next()?.parse().ok()?;
    let minutes: u64 = clock.next()?.parse().ok()?;
    let seconds: u64 = clock.next()?.parse().ok()?;
    if parts.next()? != "GMT"
        || !(1..=31).contains(&day)
        || hours > 23
        || minutes > 59
        || seconds > 60
    {
        return None;
    }
    let days = u64::try_from(days_from_civil(year, month, day)).ok()?;
    let since_epoch = days * 86_400 + hours * 3_600 + minutes * 60 + seconds;
    UNIX_EPOCH.checked_add(Duration::from_secs(since_epoch))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| async move {
        let url = format!("{base_url}/posts/{id}");
        let key = (url.clone(), digest as usize);
        if let Some(value) = fresh(&key) {
            return Ok(value);
        }
        let response = client.get(&url).send().await?.error_for_status()?;
        let expires = response
            .headers()
            .get(EXPIRES)
            .and_then(|value| value.to_str().ok())
            .and_then(parse_http_date);
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        let value = digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        if let Some(until) = expires.filter(|until| *until > SystemTime::now()) {
            remember(key, until, value);
        }
        Ok(value)
    });
    join_all(each).await
}
