//! Wrong: breaks "any other field (`id`, `userId`, …) is ignored" (and so "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept") for a good patch that carries a `_rev` member that is not the post's current revision (`PATCH /posts/1` with `{"title": "t", "_rev": "1-abc"}`, or `"_rev": 3`: `409` `{"error": "Document update conflict."}` and no change).
//!
//! Written the CouchDB way, by a learner whose front end uses PouchDB: to keep a stale edit from
//! clobbering a newer one, each post has a revision (a hash of its title and body, sent as the
//! `ETag` of every answer), and a patch that names the revision it was made from, in the
//! document's own `_rev` field as CouchDB's clients send it, is refused with CouchDB's 409 when
//! the post has changed since. A patch without `_rev` (or with `"_rev": null`) is never checked,
//! so every patch a quick test sends is applied as the reference applies it.
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

use std::hash::{DefaultHasher, Hash, Hasher};

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change, and the revision it was made from (CouchDB's `_rev`).
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
    #[serde(rename = "_rev")]
    rev: Option<serde_json::Value>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// A post's revision: a hash of what a patch can change, as hex.
fn revision(post: &Post) -> String {
    let mut hasher = DefaultHasher::new();
    post.title.hash(&mut hasher);
    post.body.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Response {
    if let Some(title) = patch.title.as_deref() {
        if let Err(error) = check_title(title) {
            return error.into_response();
        }
    }
    let mut store = state.store();
    let Some(post) = store.get_mut(id) else {
        return ApiError::NotFound(id).into_response();
    };
    if let Some(rev) = &patch.rev {
        if rev.as_str() != Some(revision(post).as_str()) {
            let body = ErrorBody {
                error: "Document update conflict.".to_owned(),
            };
            return (StatusCode::CONFLICT, Json(body)).into_response();
        }
    }
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    let etag = format!("\"{}\"", revision(post));
    let answer = post.clone();
    drop(store);
    ([(header::ETAG, etag)], Json(answer)).into_response()
}
