//! Wrong: breaks "every route `router` already has keeps working as before"
//! The learner adds the route twice, `/posts/{id}` and `/posts/{id}/`, because "clients add a
//! trailing slash, and Django's APPEND_SLASH taught me to accept both". The PATCH itself is right,
//! but `/posts/1/` now matches a route: `GET /posts/1/` (a 404 from the fallback before) becomes a
//! 405, and `PATCH /posts/1/` edits a post through a path the API does not have.

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
    router
        .route("/posts/{id}", patch(update_post))
        .route("/posts/{id}/", patch(update_post))
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
