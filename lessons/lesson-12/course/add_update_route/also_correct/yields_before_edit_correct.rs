//! Correct: the handler gives the runtime a turn (`tokio::task::yield_now().await`) between its
//! checks and its edit, as a learner does who has read that tasks on tokio should yield now and
//! then so that a busy server stays fair to the other requests. No lock is held across that
//! `.await`: the blank-title check comes before it, and after it the store is locked once, the
//! post looked up (404), changed in place and cloned for the answer, all under that one lock, so
//! a refused request still changes nothing and two patches of one post are still applied one
//! after the other. The handler's future is pending once before it is ready: a check that
//! expects every answer on the first poll, or that drives the handler without a waker that
//! schedules it again, might refuse it by mistake.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

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
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    tokio::task::yield_now().await;
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
