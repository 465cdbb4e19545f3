//! Wrong: breaks "a field that is absent or `null` keeps its value"
//! The learner wants the title check on one line, with no `if let`: `check_title` takes a `&str`,
//! so `patch.title.as_deref().unwrap_or_default()` gives it one. A patch with a title (good or
//! blank) is handled right; a patch without one, or with `"title": null` (a body alone, `{}`), is
//! checked as the empty title and refused with a 422, though nothing blank was sent.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::patch;
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

/// `PATCH /posts/{id}`.
async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    check_title(patch.title.as_deref().unwrap_or_default())?;
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
