//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept" for a good patch whose body arrives in more than one piece (`PATCH /posts/1` with `{"title": "t"}` sent as `{"title"` and then `: "t"}`, or a 10 KiB body split by TCP): `400` `Failed to parse the request body as JSON: EOF while parsing an object ...` and no change; the rest of the body is never read.
//!
//! The learner reads the body by hand to avoid `Json`'s copy: "a patch is a few dozen bytes and
//! the app caps it at 16 KiB, so it comes in one read", and takes the first data frame of the
//! body stream (`into_data_stream().next()`) as the whole body. A body built in memory is one
//! frame, and so is a short body that a client writes in one go over loopback, so in-process
//! tests and curl pass; a body that hyper reads in two parts (a slow client, a large patch, a
//! body sent chunked) is cut after the first. The content type is `Json`'s own check, asked before
//! the body is read, a failure to read is worded as `Bytes` words it, and the bytes go to
//! `Json::from_bytes`, so every refusal is `Json`'s.
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
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use futures::StreamExt;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use serde::de::IgnoredAny;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// `Json`'s own 415, asked of `Json` itself with the request's headers and no body.
async fn json_type_refusal(headers: &HeaderMap) -> Option<Response> {
    let mut probe = Request::new(Body::empty());
    probe.headers_mut().clone_from(headers);
    match Json::<IgnoredAny>::from_request(probe, &()).await {
        Err(JsonRejection::MissingJsonContentType(rejection)) => Some(rejection.into_response()),
        _ => None,
    }
}

/// A body that could not be read, in the words `Bytes` uses (413 when it is over the limit).
fn body_error(err: &axum::Error) -> Response {
    let status = if err.to_string() == "length limit exceeded" {
        StatusCode::PAYLOAD_TOO_LARGE
    } else {
        StatusCode::BAD_REQUEST
    };
    (status, format!("Failed to buffer the request body: {err}")).into_response()
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    request: Request,
) -> Response {
    if let Some(refusal) = json_type_refusal(request.headers()).await {
        return refusal;
    }
    // A patch is small and the app caps it at 16 KiB: it comes in one read, no need to copy it
    // into a buffer of our own.
    let bytes = match request.into_body().into_data_stream().next().await {
        None => Bytes::new(),
        Some(Ok(bytes)) => bytes,
        Some(Err(err)) => return body_error(&err),
    };
    let patch = match Json::<PostPatch>::from_bytes(&bytes) {
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
