//! Correct: the edit runs in a task of its own (`tokio::spawn`, the handler awaits its `JoinHandle`), the Rust form of aiohttp's `asyncio.shield`: once the body is read, a client that hangs up cannot cancel the edit half-way; the checks, the lock and the change are the reference's, inside the task
//! The learner was bitten in aiohttp by a handler cancelled when its client went away, and
//! shields every write. Here the edit never awaits, so nothing could cancel it anyway, and the
//! task ends before the answer is sent: nothing outlives the request or its runtime, patches of
//! one post are applied one after the other under the store's lock, and a refused patch changes
//! nothing. The task cannot panic; if it ever failed to finish the answer would be a 500.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a `PATCH` may change; absent or `null` is `None`, other fields are ignored.
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
    let edit = tokio::spawn(async move { apply(&state, id, patch) });
    match edit.await {
        Ok(Ok(post)) => Json(post).into_response(),
        Ok(Err(error)) => error.into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// Every check, then every change, under one lock.
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
