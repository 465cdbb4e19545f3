//! Correct: the id read as a one-element tuple (`Path<(u64,)>`, as axum's docs write several
//! parameters), extracted before the state; the method router built as a named `MethodRouter`
//! value; and the edited post built whole with struct-update syntax (`..post.clone()`) and written
//! over the stored one with `*post = ..`, under the same lock the lookup took.

use axum::extract::{Path, State};
use axum::routing::{MethodRouter, patch};
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let edit: MethodRouter<AppState> = patch(update_post);
    router.route("/posts/{id}", edit)
}

async fn update_post(
    Path((id,)): Path<(u64,)>,
    State(state): State<AppState>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    let edited = Post {
        title: patch.title.unwrap_or_else(|| post.title.clone()),
        body: patch.body.unwrap_or_else(|| post.body.clone()),
        ..post.clone()
    };
    *post = edited.clone();
    Ok(Json(edited))
}
