//! Wrong: breaks "`add_update_route(router)` returns `router` with one more route: `PATCH /posts/{id}`" (and "every route `router` already has keeps working as before": `GET /posts/1/revisions`, a path no route matched and the app's `404` `{"error": "not found"}`, now answers `200 OK` with a list; a router that already has a route for that path makes the call panic).
//!
//! Every PATCH answer is the reference's; but the learner, who had read how WordPress and
//! MediaWiki keep a post's history, also records each post's earlier versions (the last 20, per
//! router) and adds the natural companion route, `GET /posts/{id}/revisions`, that lists them,
//! oldest first (`[]` for a post never edited, the API's 404 for an id that is no post's). The
//! checks of the PATCH route, and of the routes the router had, see nothing of it.
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

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, PoisonError};

use axum::extract::{Path, State};
use axum::routing::{get, patch};
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// How many earlier versions of each post are kept.
const KEPT: usize = 20;

/// Each post's earlier versions, oldest first, by id.
type History = Arc<Mutex<HashMap<u64, VecDeque<Post>>>>;

/// The fields a patch may change; serde reads an absent or `null` field as `None`.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added (and its history).
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let history: History = Arc::default();
    let for_list = Arc::clone(&history);
    router
        .route(
            "/posts/{id}",
            patch(
                move |State(state): State<AppState>,
                      Path(id): Path<u64>,
                      Json(patch): Json<PostPatch>| {
                    update_post(Arc::clone(&history), state, id, patch)
                },
            ),
        )
        .route(
            "/posts/{id}/revisions",
            get(move |State(state): State<AppState>, Path(id): Path<u64>| {
                list_revisions(Arc::clone(&for_list), state, id)
            }),
        )
}

async fn update_post(
    history: History,
    state: AppState,
    id: u64,
    patch: PostPatch,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = patch.title.as_deref() {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    let before = post.clone();
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    if *post != before {
        let mut history = history.lock().unwrap_or_else(PoisonError::into_inner);
        let versions = history.entry(id).or_default();
        if versions.len() == KEPT {
            versions.pop_front();
        }
        versions.push_back(before);
    }
    Ok(Json(post.clone()))
}

async fn list_revisions(
    history: History,
    state: AppState,
    id: u64,
) -> Result<Json<Vec<Post>>, ApiError> {
    if state.store().get(id).is_none() {
        return Err(ApiError::NotFound(id));
    }
    let history = history.lock().unwrap_or_else(PoisonError::into_inner);
    let versions: Vec<Post> = history
        .get(&id)
        .map(|versions| versions.iter().cloned().collect())
        .unwrap_or_default();
    Ok(Json(versions))
}
