//! Correct: the learner read that blocking work does not belong on the async executor and does
//! the check and the edit inside `tokio::task::spawn_blocking`, awaiting it before answering
//! (one lock, taken on the blocking thread; a `JoinError`, which cannot happen here, would be a
//! 500). The answer is only built once the store holds the change.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change.
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
) -> Response {
    let edited = tokio::task::spawn_blocking(move || edit(&state, id, patch)).await;
    match edited {
        Ok(Ok(post)) => Json(post).into_response(),
        Ok(Err(err)) => err.into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// Checks the patch, then applies it to post `id` in place, under one lock.
fn edit(state: &AppState, id: u64, patch: PostPatch) -> Result<Post, ApiError> {
    patch.title.as_deref().map_or(Ok(()), check_title)?;
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
