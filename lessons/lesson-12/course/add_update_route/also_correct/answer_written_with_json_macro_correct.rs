//! Correct: the answer is not `Json<Post>` but a `serde_json::Value` written field by field
//! with `serde_json::json!`, the way Express code writes `res.json({ userId, id, title, body })`,
//! built under the lock from references to the edited post (no clone of the post). The workspace
//! builds `serde_json` with `preserve_order`, so the object keeps the order it is written in,
//! `userId`, `id`, `title`, `body`, the order `Post`'s derived `Serialize` uses: the bytes are
//! the ones `GET /posts/{id}` sends. (Without `preserve_order` the keys would come out sorted,
//! the same JSON in another order, which a check comparing bytes would refuse by mistake.)
//! Everything else is the reference's: every check first, one lock, the post changed in place.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;
use serde_json::{Value, json};

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
) -> Result<Json<Value>, ApiError> {
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
    Ok(Json(json!({
        "userId": post.user_id,
        "id": post.id,
        "title": post.title,
        "body": post.body,
    })))
}
