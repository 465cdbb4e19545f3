//! Correct: the control for `post_locked_after_50_edits_like_wiki_protection.rs`: the router keeps the same per-post record beside the store (in an `Arc<Mutex<..>>` captured by a closure handler), but as a ring of each post's last 50 earlier versions that drops the oldest when full, and never refuses or delays an edit: the 51st, the 300th patch of one post is applied and answered `200 OK` as the reference answers it.
//!
//! The learner wanted an undo history without a database: the version a patch replaces is
//! pushed onto that post's ring under the store's one lock (the ring's lock is taken inside it,
//! always in that order, so no two requests can wait on each other), and the ring's length only
//! feeds a log line. Nothing in it is ever read back into a store, so a router served again with
//! a fresh store answers from that store alone.
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
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change; any other field is ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// How many earlier versions of a post are kept for undo.
const VERSIONS_KEPT: usize = 50;

/// Each post's earlier versions, oldest first, by id.
type History = Arc<Mutex<HashMap<u64, VecDeque<Post>>>>;

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let history = History::default();
    router.route(
        "/posts/{id}",
        patch(
            move |state: State<AppState>, id: Path<u64>, patch: Json<PostPatch>| {
                let history = Arc::clone(&history);
                async move { update_post(state, id, patch, &history) }
            },
        ),
    )
}

fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
    history: &Mutex<HashMap<u64, VecDeque<Post>>>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = patch.title.as_deref() {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    let kept = {
        let mut history = history.lock().unwrap_or_else(PoisonError::into_inner);
        let versions = history.entry(id).or_default();
        if versions.len() == VERSIONS_KEPT {
            versions.pop_front();
        }
        versions.push_back(post.clone());
        versions.len()
    };
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    let answer = post.clone();
    drop(store);
    eprintln!("PATCH /posts/{id}: edited, {kept} earlier version(s) kept for undo");
    Ok(Json(answer))
}
