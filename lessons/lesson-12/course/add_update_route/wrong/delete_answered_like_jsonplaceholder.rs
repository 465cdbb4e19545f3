//! Wrong: breaks "only `PATCH` edits: `PUT`, `POST` or `DELETE /posts/{id}` stay a 405"
//! The learner reads the mock server's routing, where `PUT | PATCH | DELETE` on an item share one
//! arm and `DELETE` answers `200 {}` without removing anything, and since the store has no
//! `remove`, adds `DELETE` "as JSONPlaceholder has it": `200 {}` for a post that exists (a 404
//! otherwise), nothing changed. No post is ever edited or removed, but `DELETE /posts/1` is no
//! longer a 405.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use serde_json::{Value, json};

/// The fields a patch may change; the others are ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added (and JSONPlaceholder's `DELETE`).
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post).delete(delete_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
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

/// JSONPlaceholder's `DELETE`: `200 {}` for an item that exists, and nothing is removed.
async fn delete_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
) -> Result<Json<Value>, ApiError> {
    let store = state.store();
    store.get(id).ok_or(ApiError::NotFound(id))?;
    Ok(Json(json!({})))
}
