//! Correct: the handler checks and edits through `Option::as_deref`/`Option::take`, extracts `Path`
//! before `State`, and builds its answer itself with `serde_json::json!` (the members in the order
//! and spelling `Post` serializes them, `userId` first), where the obvious solution answers
//! `Json(post.clone())`: the same JSON, a `serde_json::Value` instead of a `Post`.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;
use serde_json::{Value, json};

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    Path(id): Path<u64>,
    State(state): State<AppState>,
    Json(mut patch): Json<PostPatch>,
) -> Result<Json<Value>, ApiError> {
    if let Some(title) = patch.title.as_deref() {
        check_title(title)?;
    }
    let mut store = state.store();
    let Some(post) = store.get_mut(id) else {
        return Err(ApiError::NotFound(id));
    };
    if let Some(title) = patch.title.take() {
        post.title = title;
    }
    if let Some(body) = patch.body.take() {
        post.body = body;
    }
    Ok(Json(json!({
        "userId": post.user_id,
        "id": post.id,
        "title": post.title,
        "body": post.body,
    })))
}
