//! Correct: each edit first takes a per-id "row lock" (`SELECT ... FOR UPDATE`), a
//! `tokio::sync::Mutex` kept across requests in a `static` map, awaited before the store's lock,
//! then checks and edits in place under the store's one lock. The map is the process's and
//! outlives every server and runtime, but it only makes edits of one id take turns (a tokio
//! mutex needs no runtime of its own, and a guard is released when its task is dropped), so
//! every answer and every store is what the plain solution gives.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a PATCH may change; absent or `null` is `None`, and keeps its value.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// One lock per post id ever edited, shared by every request of the process.
static ROW_LOCKS: Mutex<BTreeMap<u64, Arc<tokio::sync::Mutex<()>>>> = Mutex::new(BTreeMap::new());

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    // The map's lock is held only to find the row's lock, never across the `.await`.
    let row = {
        let mut locks = ROW_LOCKS.lock().unwrap_or_else(PoisonError::into_inner);
        Arc::clone(locks.entry(id).or_default())
    };
    let _turn = row.lock_owned().await;

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
    Ok(Json(post.clone()))
}
