//! Correct: "parse, don't validate": a function checks the patch and, only when it passes, hands back the edit itself as a closure (`Result<impl FnOnce(&mut Post), ApiError>`), which the handler runs on the post in place under one lock; a refused patch never becomes an edit, so there is nothing to undo. The title is checked with `Option::as_deref`, `map` and `transpose`; the extractors, statuses and answer are the reference's.

use axum::extract::{Path, State};
use axum::routing::patch;
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
    router.route("/posts/{id}", patch(update_post))
}

/// The edit `patch` asks for, once the API's rules allow it.
fn validate(patch: PostPatch) -> Result<impl FnOnce(&mut Post), ApiError> {
    patch.title.as_deref().map(check_title).transpose()?;
    Ok(move |post: &mut Post| {
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
    })
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    let edit = validate(patch)?;
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    edit(&mut *post);
    Ok(Json(post.clone()))
}
