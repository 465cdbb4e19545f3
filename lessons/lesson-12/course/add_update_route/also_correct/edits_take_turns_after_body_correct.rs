//! Correct: the control for `edits_wait_in_arrival_order.rs`: the same process-wide `tokio::sync::Mutex` makes edits take turns (across every server in the process), but the turn is taken in the handler, after the extractors have read the whole body, and given back with the answer; a patch whose body is still on its way holds nobody up, and no store, runtime or answer is kept between requests.

use std::sync::LazyLock;

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// One turn at a time for the edits, whichever server they come to.
static EDIT_TURNS: LazyLock<tokio::sync::Mutex<u64>> = LazyLock::new(|| tokio::sync::Mutex::new(0));

#[derive(Debug, Deserialize)]
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
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    // The body is in: only now wait for a turn.
    let mut turns = EDIT_TURNS.lock().await;
    *turns = turns.wrapping_add(1);
    let title = patch.title.as_deref();
    title.map(check_title).transpose()?;
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    let answer = post.clone();
    drop(store);
    drop(turns);
    Ok(Json(answer))
}
