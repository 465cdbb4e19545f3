//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing" for a body over the app's 16 KiB limit that comes without a `Content-Length` (chunked, or streamed in-process): `400` `could not read the request body` where `Json` answers `413` (and, sent with a `Content-Type` that is not JSON's, `400` where `Json` answers `415`).
//!
//! The learner keeps an audit trail of every patch: the handler takes the whole request, buffers
//! its body with `axum::body::to_bytes(body, usize::MAX)` ("no limit of my own: the app's layer
//! already caps the body at 16 KiB"), logs the path and the body's size, and hands `Json` a
//! request rebuilt from the same parts and bytes, so every refusal `Json` makes is `Json`'s own.
//! But the body is read before `Json` looks at the content type, and a body that fails to read is
//! answered 400 as "a bad request": when the app's limit cuts a body short, the error `Json` would
//! have turned into a 413 (or never met, refusing the type first) becomes a 400. A body with a
//! `Content-Length` over the limit never gets here (the layer answers 413 itself), so curl and
//! reqwest tests of a large patch still see 413.
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

use axum::body::Body;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::StatusCode;
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
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    // No limit of our own: the app's body limit already caps what a client can send.
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return (StatusCode::BAD_REQUEST, "could not read the request body").into_response();
    };
    eprintln!(
        "audit: PATCH {} with {} bytes",
        parts.uri.path(),
        bytes.len()
    );
    let request = Request::from_parts(parts, Body::from(bytes));
    let patch = match Json::<PostPatch>::from_request(request, &()).await {
        Ok(Json(patch)) => patch,
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
