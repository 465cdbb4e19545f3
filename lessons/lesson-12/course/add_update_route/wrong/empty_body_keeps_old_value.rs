//! Wrong: breaks "a field that is absent or `null` keeps its value"
//! A careful learner with a JavaScript habit (`if (patch.body) post.body = patch.body`, where "" is
//! falsy) reads "absent or `null` keeps its value" as "no value keeps its value", and applies a
//! field only when it has some text. The title is unaffected (an empty title is a 422 through
//! `check_title` before anything), so only `{"body": ""}` shows it: the post keeps its old body,
//! where the contract applies the empty string, which is a string like any other.

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

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(changes): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &changes.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    // Only the fields that were given a value change.
    if let Some(title) = changes.title.filter(|title| !title.is_empty()) {
        post.title = title;
    }
    if let Some(body) = changes.body.filter(|body| !body.is_empty()) {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
