//! Correct: a patch refused for its media type gets `Json`'s own 415, plus the `Accept-Patch` header RFC 5789 §2.2 asks of a server that refuses a patch document's type (`Accept-Patch: application/json, application/merge-patch+json`), so the client learns what to send; status and body are the reference's, only a header is added.
//!
//! The handler takes the body as `Result<Json<PostPatch>, JsonRejection>` (so axum still runs the
//! extractors in its own order, `Path` first), answers every rejection as it is, and adds the
//! header to the one that is a `MissingJsonContentType`. Nothing else changes: the 405s of other
//! methods, every 400, 413 and 422, the 404 and the good patches are the reference's answers,
//! headers and all. Only a check that refuses any header the reference does not send would
//! refuse it by mistake: the contract names a refusal's status and body, not every header.
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

use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderName, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Deserialize)]
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
    patch: Result<Json<PostPatch>, JsonRejection>,
) -> Response {
    let patch = match patch {
        Ok(Json(patch)) => patch,
        // RFC 5789 §2.2: a 415 for a patch says which patch formats the resource takes.
        Err(JsonRejection::MissingJsonContentType(rejection)) => {
            let mut response = rejection.into_response();
            response.headers_mut().insert(
                // RFC 5789 §3.1: the patch document types this resource takes.
                HeaderName::from_static("accept-patch"),
                HeaderValue::from_static("application/json, application/merge-patch+json"),
            );
            return response;
        }
        Err(rejection) => return rejection.into_response(),
    };
    match edit(&state, id, patch) {
        Ok(post) => Json(post).into_response(),
        Err(error) => error.into_response(),
    }
}

/// Checks first, then changes the post in place, under one lock.
fn edit(state: &AppState, id: u64, patch: PostPatch) -> Result<Post, ApiError> {
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
