//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: [...] a `Content-Type` the `Json` extractor does not take (415 [...])" for a request that carries two `Content-Type` headers: `Content-Type: text/plain` then `Content-Type: application/json` with `{"title": "t"}` is applied and answered `200 OK` where `Json`, which reads the first, answers 415; and the other way round (`application/json` first, then `text/plain`, as a proxy that appends its own sends it) a good patch `Json` takes is refused with 415.
//!
//! The learner first gathers the request's headers into a `HashMap<String, HeaderValue>`, the
//! way Python code writes `dict(request.headers)`, to log them and look them up by name, and
//! asks `Json`'s own media-type rule about the `content-type` found there (a probe request with
//! that one header and no body), then reads the body with `Bytes` and parses it with
//! `Json::from_bytes`. With one `Content-Type`, every answer is the reference's, word for word;
//! but collecting an `http::HeaderMap` into a map keeps the last value of a repeated header,
//! where `HeaderMap::get`, which `Json` uses, gives the first.
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

use axum::body::{Body, Bytes};
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::{HeaderValue, header};
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
    request: Request,
) -> Response {
    // The headers by name, for the log and for lookups.
    let headers: HashMap<String, HeaderValue> = request
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str().to_owned(), value.clone()))
        .collect();
    eprintln!("PATCH /posts/{id}: {} headers", headers.len());

    // The media type, judged by `Json`'s own rule.
    let mut probe = Request::new(Body::empty());
    if let Some(content_type) = headers.get("content-type") {
        probe
            .headers_mut()
            .insert(header::CONTENT_TYPE, content_type.clone());
    }
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
        Err(rejection) => return rejection.into_response(),
    };
    match apply(&state, id, patch) {
        Ok(post) => Json(post).into_response(),
        Err(error) => error.into_response(),
    }
}
