//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing" as the app delivers that answer: a body the `Json` extractor refuses (`PATCH /posts/1` with `{"title": 5}`, `not json`, `[]`, or with `Content-Type: text/plain`) is answered with `Json`'s status and its plain-text message, but labelled `Content-Type: application/json`, so the app's `json_errors` lets it through untouched: the client gets `Failed to parse the request body as JSON: ...` as a body that says it is JSON and is not, where the reference's answer is `{"error": "Failed to parse the request body as JSON: ..."}`.
//!
//! The learner takes the body as `Result<Json<PostPatch>, JsonRejection>` to "handle the
//! rejection" and, since the API speaks JSON, labels every answer of the route as JSON: the
//! rejection's `status()` and `body_text()` with a `Content-Type: application/json` header. It
//! looks right in the handler (the status and the words are `Json`'s own) and in a test that
//! checks only the status. But `json_errors`, the layer that gives every error its
//! `{"error": ...}` body, skips an answer that already says `application/json`, which this
//! route's refusals now all do. The id's refusals (`Path`) and the handler's own 404 and 422
//! are untouched.
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
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

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
    patch: Result<Json<PostPatch>, JsonRejection>,
) -> Response {
    let Json(patch) = match patch {
        Ok(patch) => patch,
        // The API speaks JSON: say so on every answer, refusals included.
        Err(rejection) => {
            return (
                rejection.status(),
                [(header::CONTENT_TYPE, "application/json")],
                rejection.body_text(),
            )
                .into_response();
        }
    };
    match apply(&state, id, patch) {
        Ok(post) => Json(post).into_response(),
        Err(error) => error.into_response(),
    }
}
