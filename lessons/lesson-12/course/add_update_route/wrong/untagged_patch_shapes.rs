//! Wrong: breaks "JSON of another shape (`{"title": 5}`, `[]`, `null`: 422 ...)"
//! The learner makes illegal states unrepresentable: a patch is one of four shapes (both fields,
//! the title, the body, neither), an enum read with `#[serde(untagged)]`, matched exhaustively.
//! serde tries the variants in order and takes the first that fits, and the empty `Nothing {}`
//! fits every object (unknown fields are ignored) and even `[]`: `{"title": 5}` and `[]` are a
//! patch of nothing (200), and `{"title": "t", "body": 5}` changes the title (`Title` fits).

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// What a client may send: both fields, one of them, or neither (`null` counts as absent).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum PostPatch {
    Both { title: String, body: String },
    Title { title: String },
    Body { body: String },
    Nothing {},
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
    let (title, body) = match patch {
        PostPatch::Both { title, body } => (Some(title), Some(body)),
        PostPatch::Title { title } => (Some(title), None),
        PostPatch::Body { body } => (None, Some(body)),
        PostPatch::Nothing {} => (None, None),
    };
    if let Some(title) = &title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = title {
        post.title = title;
    }
    if let Some(body) = body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
