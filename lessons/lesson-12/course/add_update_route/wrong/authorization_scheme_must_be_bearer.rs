//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept" for a good patch that carries an `Authorization` header that is not a `Bearer` token written with a capital B (`PATCH /posts/1` with `Authorization: Basic dXNlcjpwYXNz` or `Authorization: bearer abc` and `{"title": "t"}`): `401` with `WWW-Authenticate: Bearer` and no change.
//!
//! The learner copied the guard of a JWT tutorial's middleware, minus the token check the course
//! has no use for: "no credentials is fine (the API is open), but credentials must be a Bearer
//! token". A patch with no `Authorization` header, or with `Bearer <anything>`, is handled as
//! the reference handles it, so every test that sends no credentials passes; a client behind a
//! proxy or a tool that adds Basic credentials, or one that writes the scheme in lower case (auth
//! schemes are case-insensitive, RFC 9110 §11.1), is refused with a 401, though the contract
//! applies a good patch whoever sends it. The guard runs after the extractors, so their refusals
//! are theirs.
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
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
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
    headers: HeaderMap,
    Json(patch): Json<PostPatch>,
) -> Response {
    // No credentials is fine; credentials that are there must be a Bearer token.
    let not_bearer = headers
        .get(header::AUTHORIZATION)
        .is_some_and(|credentials| !credentials.as_bytes().starts_with(b"Bearer "));
    if not_bearer {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"))],
        )
            .into_response();
    }
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
