//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept (later requests see it)" for a good patch whose `Date` header is not later than that of the last dated patch this router applied to the post (`PATCH /posts/1` with `Date: Sun, 06 Nov 1994 08:49:37 GMT` and `{"title": "a"}`, then the same `Date`, or an earlier one, with `{"title": "b"}`: the second is answered `200 OK` with the post as it is, `"title": "a"`, and not applied).
//!
//! Last-writer-wins by the client's clock, as Cassandra and the LWW registers of CRDTs do: a
//! learner who worried that two clients' edits could arrive out of order keeps, per router and
//! per post, the `Date` of the last patch applied, and a patch dated no later than that is
//! "older news": it is acknowledged as a stale write is (a 200 with the post as it stands) but
//! not applied. A patch without a `Date`, or with one that does not parse, is always applied, so
//! every test client that sends no `Date`, and a single dated patch, see the reference's answers.
//!
//! Exercise 17: add a route that edits a post.
//!
//! `add_update_route(router)` returns `router` with one more route: `PATCH /posts/{id}`, which
//! changes some fields of post `id` (JSONPlaceholder's `PATCH`, kept for real). The course's
//! checks serve what you return through `lesson_12::app`, with its layers. Contract:
//! - every route `router` already has keeps working as before;
//! - only `PATCH` edits: `PUT`, `POST` or `DELETE /posts/{id}` stay a 405;
//! - the body is a JSON object with any of `title` and `body`, each a string; a field that is
//!   absent or `null` keeps its value; any other field (`id`, `userId`, …) is ignored: a post's id
//!   and author never change;
//! - the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}`
//!   shows it; the change is kept (later requests see it) and no other post changes;
//! - an `id` that is a whole number (a `u64`) but no post's (`/posts/4` when there is none, or
//!   `/posts/5000000000`): `404` with the body `ApiError::NotFound(id)` gives;
//! - a `title` that is empty or only white space (any Unicode white space, as `str::trim` sees
//!   it): `422` with the body `lesson_12::check_title` gives, and the post is left exactly as
//!   it was (a `body` sent with it is not applied either);
//! - a request the API's extractors refuse is that extractor's answer, and changes nothing: an
//!   `id` that is not a whole number, or is over `u64::MAX` (`/posts/abc`, `/posts/-1`: 400), a
//!   `Content-Type` the `Json` extractor does not take (415; it takes `application/json` and
//!   any `application/…+json`, in any case, with any parameters), a body that is not JSON
//!   (400), JSON of another shape (`{"title": 5}`, `[]`, `null`: 422; an array of the two
//!   fields in order, `["t", "b"]`, which serde's derived `Deserialize` reads as the struct,
//!   may be taken as a patch or refused);
//! - no panic, whatever the request.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// An HTTP date, in an order that compares as time does: year, month, day, hour, minute, second.
type Stamp = (u32, u32, u32, u32, u32, u32);

/// The `Date` of the last dated patch applied to each post, by id.
type Stamps = Arc<Mutex<HashMap<u64, Stamp>>>;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The fields a patch may change; serde reads an absent or `null` field as `None`.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let stamps: Stamps = Arc::default();
    router.route(
        "/posts/{id}",
        patch(
            move |State(state): State<AppState>,
                  Path(id): Path<u64>,
                  headers: HeaderMap,
                  Json(patch): Json<PostPatch>| {
                update_post(Arc::clone(&stamps), state, id, headers, patch)
            },
        ),
    )
}

/// An IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`, the form RFC 9110 says a `Date` has.
fn http_date(value: &str) -> Option<Stamp> {
    let mut parts = value.split_whitespace();
    let _weekday = parts.next()?;
    let day: u32 = parts.next()?.parse().ok()?;
    let month_name = parts.next()?;
    let month = MONTHS.iter().position(|name| *name == month_name)?;
    let month = u32::try_from(month).ok()? + 1;
    let year: u32 = parts.next()?.parse().ok()?;
    let mut clock = parts.next()?.split(':');
    let hour: u32 = clock.next()?.parse().ok()?;
    let minute: u32 = clock.next()?.parse().ok()?;
    let second: u32 = clock.next()?.parse().ok()?;
    if parts.next()? != "GMT" {
        return None;
    }
    Some((year, month, day, hour, minute, second))
}

async fn update_post(
    stamps: Stamps,
    state: AppState,
    id: u64,
    headers: HeaderMap,
    patch: PostPatch,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = patch.title.as_deref() {
        check_title(title)?;
    }
    let sent = headers
        .get(header::DATE)
        .and_then(|value| value.to_str().ok())
        .and_then(http_date);

    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(sent) = sent {
        let mut stamps = stamps.lock().unwrap_or_else(PoisonError::into_inner);
        if stamps.get(&id).is_some_and(|last| sent <= *last) {
            // An older write than the one already applied: acknowledged, not applied.
            return Ok(Json(post.clone()));
        }
        stamps.insert(id, sent);
    }
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
