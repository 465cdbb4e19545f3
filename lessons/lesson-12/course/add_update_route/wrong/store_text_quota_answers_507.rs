//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept" for a good patch that makes a post longer in a store whose titles and bodies already hold about 1 MiB of text (a store of 70 posts with 16,000-character bodies, `PATCH /posts/1` with `{"title": "a longer title than before"}`: `507` `{"error": "the store is full"}` and no change; a patch that keeps or shrinks the text is applied).
//!
//! The app limits each request's body to 16 KiB, and the learner, thinking about memory, noticed
//! that nothing limits how much an in-memory store holds in all: under the one lock, before the
//! change, the patch's effect on the store's total of title and body bytes is worked out, and a
//! patch that would take the total past 1 MiB is refused with WebDAV's `507 Insufficient
//! Storage`, the status for "the server cannot store this". Stores the size of the lesson's, or
//! of any the checks build by hand, are far from the quota.
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

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use serde::Deserialize;

/// The most text (titles and bodies, in bytes) the store may hold: 64 full request bodies.
const STORE_QUOTA: usize = 1024 * 1024;

/// The fields a patch may change; serde reads an absent or `null` field as `None`.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    if let Some(title) = patch.title.as_deref() {
        check_title(title)?;
    }
    let mut store = state.store();
    let total: usize = store
        .all()
        .map(|post| post.title.len() + post.body.len())
        .sum();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;

    let before = post.title.len() + post.body.len();
    let after = patch.title.as_ref().map_or(post.title.len(), String::len)
        + patch.body.as_ref().map_or(post.body.len(), String::len);
    let new_total = total - before + after;
    if after > before && new_total > STORE_QUOTA {
        let body = ErrorBody {
            error: "the store is full".to_owned(),
        };
        return Ok((StatusCode::INSUFFICIENT_STORAGE, Json(body)).into_response());
    }

    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()).into_response())
}
