//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept (later requests see it)" for a good patch that carries an `If-Unmodified-Since` older than the post's last edit on this router (`PATCH /posts/1` with `{"title": "a"}`, then `PATCH /posts/1` with `If-Unmodified-Since: Sat, 01 Jan 2000 00:00:00 GMT` and `{"title": "b"}`): `412 Precondition Failed`, and the title stays `a`.
//! The learner read RFC 9110 §13.1.4 ("a lost update is what conditional requests are for")
//! and honours `If-Unmodified-Since` on the write route, the way Rails' `stale?`/`fresh_when`
//! or Django's `condition` decorator do: the router remembers when it last edited each post
//! (whole seconds since the epoch, as HTTP dates have), and a patch that says "only if not
//! changed since T" is refused with a 412 when the post was edited after T. Posts this router
//! never edited pass, and so does a header that is not an IMF-fixdate (the RFC says to ignore
//! an invalid date). The contract knows no precondition: a good patch is applied and answered
//! `200 OK`, whatever else the request carries.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// When this router last edited each post, in whole seconds since the epoch.
type EditTimes = Arc<Mutex<HashMap<u64, i64>>>;

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let edited: EditTimes = Arc::default();
    router.route(
        "/posts/{id}",
        patch(
            move |state: State<AppState>,
                  id: Path<u64>,
                  headers: HeaderMap,
                  body: Json<PostPatch>| {
                update_post(edited.clone(), state, id, headers, body)
            },
        ),
    )
}

async fn update_post(
    edited: EditTimes,
    State(state): State<AppState>,
    Path(id): Path<u64>,
    headers: HeaderMap,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, Response> {
    if let Some(title) = &patch.title {
        check_title(title).map_err(IntoResponse::into_response)?;
    }
    let since = headers
        .get(header::IF_UNMODIFIED_SINCE)
        .and_then(|value| value.to_str().ok())
        .and_then(parse_http_date);
    let mut store = state.store();
    let post = store
        .get_mut(id)
        .ok_or(ApiError::NotFound(id))
        .map_err(IntoResponse::into_response)?;
    let mut times = edited.lock().unwrap_or_else(PoisonError::into_inner);
    let last = times.get(&id).copied();
    if since.zip(last).is_some_and(|(since, last)| last > since) {
        return Err(StatusCode::PRECONDITION_FAILED.into_response());
    }
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    times.insert(id, now_secs());
    Ok(Json(post.clone()))
}

fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX)
        })
}

/// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) as seconds since the epoch.
fn parse_http_date(text: &str) -> Option<i64> {
    let mut parts = text.split_ascii_whitespace();
    parts.next()?; // the day of the week, "Sun,"
    let day: i64 = parts.next()?.parse().ok()?;
    let month: i64 = match parts.next()? {
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
    let hour: i64 = clock.next()?.parse().ok()?;
    let minute: i64 = clock.next()?.parse().ok()?;
    let second: i64 = clock.next()?.parse().ok()?;
    if clock.next().is_some() || parts.next()? != "GMT" || parts.next().is_some() {
        return None;
    }
    let in_range = (1970..=9999).contains(&year)
        && (1..=31).contains(&day)
        && (0..24).contains(&hour)
        && (0..60).contains(&minute)
        && (0..=60).contains(&second);
    if !in_range {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second)
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}
