//! Correct: the control for `truncated_json_closed_like_partial_json.rs`: the body is read the way `Json` reads it, in the same order (the media type asked of `Json` itself with the headers and an empty body, so its 415 comes first and before any byte is read; then `Bytes`, whose refusals, 413 included, are `Json`'s own; then `Json::from_bytes`), and a body that stops before its JSON does (serde_json's `is_eof`, asked with `IgnoredAny`) is only written to stderr with its length, "a client that may be sending half a body", and then refused with `Json`'s own 400, word for word; nothing is ever repaired or retried.
//!
//! Unusual for the checks: the handler takes the whole `Request` and parses the body a second
//! time, with a type of its own, only to tell one kind of refusal from the others for a log.
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

use axum::body::{Body, Bytes};
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Path, Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use serde::de::IgnoredAny;

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// The fields a patch may change; any other field is ignored.
#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Checks first, then changes the post in place under one lock.
fn apply(state: &AppState, id: u64, patch: PostPatch) -> Result<Post, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(post.clone())
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    request: Request,
) -> Response {
    // The media type first, as `Json` judges it: ask `Json` itself, with the headers only.
    let mut probe = Request::new(Body::empty());
    *probe.headers_mut() = request.headers().clone();
    if let Err(JsonRejection::MissingJsonContentType(rejection)) =
        Json::<PostPatch>::from_request(probe, &()).await
    {
        return rejection.into_response();
    }
    let bytes = match Bytes::from_request(request, &()).await {
        Ok(bytes) => bytes,
        Err(rejection) => return rejection.into_response(),
    };

    let patch = match Json::<PostPatch>::from_bytes(&bytes) {
        Ok(Json(patch)) => patch,
        Err(rejection) => {
            let cut_short = !bytes.is_empty()
                && serde_json::from_slice::<IgnoredAny>(&bytes).is_err_and(|e| e.is_eof());
            if cut_short {
                eprintln!(
                    "PATCH /posts/{id}: the body ends after {} bytes, in the middle of its JSON",
                    bytes.len()
                );
            }
            return rejection.into_response();
        }
    };
    match apply(&state, id, patch) {
        Ok(post) => Json(post).into_response(),
        Err(error) => error.into_response(),
    }
}
