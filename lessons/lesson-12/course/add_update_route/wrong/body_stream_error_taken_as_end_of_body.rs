//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing" for a body whose reading fails after a whole JSON object has arrived: a patch streamed with no `Content-Length` (chunked) that goes over the app's 16 KiB limit, `{"title": "t"}` and then 20,000 spaces in chunks of 10,000 bytes, is applied and answered `200 OK` where `Json` answers 413 `Failed to buffer the request body: length limit exceeded`; and a body the client cuts short (`Content-Length: 20`, only `{"title": "t"}` sent, then the connection closed) is applied where `Json` answers 400.
//!
//! The learner reads the body by hand, chunk by chunk, "to see it arrive", with the loop every
//! iterator tutorial shows, `while let Some(Ok(chunk)) = chunks.next().await`. That pattern ends
//! the loop on the first `Err` as quietly as on the end of the stream, so a body error (the
//! app's limit, a client that hangs up) is taken for the end of the body, and whatever arrived
//! before it is parsed as the patch. The media type is asked of `Json` itself and the bytes are
//! parsed with `Json::from_bytes`, so every ordinary request, good or bad, gets exactly the
//! reference's answer; only a body that fails while it is read is treated differently.
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
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Path, Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, RequestExt, Router};
use futures::StreamExt;
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
    request: Request,
) -> Response {
    // The media type, as `Json` judges it: ask `Json` itself, with the headers and no body.
    let mut probe = Request::new(Body::empty());
    *probe.headers_mut() = request.headers().clone();
    if let Err(JsonRejection::MissingJsonContentType(rejection)) =
        Json::<PostPatch>::from_request(probe, &()).await
    {
        return rejection.into_response();
    }

    // The body, chunk by chunk (within the body limits the request carries).
    let mut bytes = Vec::new();
    let mut chunks = request.into_limited_body().into_data_stream();
    while let Some(Ok(chunk)) = chunks.next().await {
        bytes.extend_from_slice(&chunk);
    }

    let patch = match Json::<PostPatch>::from_bytes(&bytes) {
        Ok(Json(patch)) => patch,
        Err(rejection) => return rejection.into_response(),
    };
    match apply(&state, id, patch) {
        Ok(post) => Json(post).into_response(),
        Err(error) => error.into_response(),
    }
}
