//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept (later requests see it)" for the 51st good patch of one post through one router (`PATCH /posts/1` with `{"title": "t<n>"}` sent 51 times in a row): `423 Locked` with `{"error": "post 1 is protected: too many edits"}` and no change, and so for every later patch of that post, through that router, whatever its store.
//!
//! The learner borrowed Wikipedia's page protection against edit wars: the router keeps, beside
//! the store, how many edits each post has had (an `Arc<Mutex<HashMap<u64, u32>>>` captured by a
//! closure handler), and a post edited 50 times is "protected" until the server restarts. A
//! manual test never edits one post 50 times; only a long run of patches (or one router served
//! again with a fresh store, which still counts the old edits) meets it.
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
use std::sync::{Arc, Mutex, PoisonError};

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change; any other field is ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// How many edits a post may have before it is protected (an edit war, or a bot).
const EDITS_BEFORE_PROTECTION: u32 = 50;

/// The edits each post has had, by id.
type EditCounts = Arc<Mutex<HashMap<u64, u32>>>;

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let edits = EditCounts::default();
    router.route(
        "/posts/{id}",
        patch(
            move |state: State<AppState>, id: Path<u64>, patch: Json<PostPatch>| {
                let edits = Arc::clone(&edits);
                async move { update_post(state, id, patch, &edits) }
            },
        ),
    )
}

// An answer is what a handler gives back, whatever its size.
#[allow(clippy::result_large_err)]
fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
    edits: &Mutex<HashMap<u64, u32>>,
) -> Result<Json<Post>, Response> {
    if let Some(title) = patch.title.as_deref() {
        check_title(title).map_err(IntoResponse::into_response)?;
    }
    let mut store = state.store();
    let post = store
        .get_mut(id)
        .ok_or_else(|| ApiError::NotFound(id).into_response())?;
    let mut edits = edits.lock().unwrap_or_else(PoisonError::into_inner);
    let count = edits.entry(id).or_insert(0);
    if *count >= EDITS_BEFORE_PROTECTION {
        let error = format!("post {id} is protected: too many edits");
        return Err((StatusCode::LOCKED, Json(ErrorBody { error })).into_response());
    }
    *count += 1;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
