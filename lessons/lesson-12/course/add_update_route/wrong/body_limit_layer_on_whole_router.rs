//! Wrong: breaks "every route `router` already has keeps working as before"
//! The learner wants the new route to refuse big patches ("a patch is a title and a body: 4 KiB
//! is plenty") and writes `.layer(DefaultBodyLimit::max(4096))` after the `.route(..)`, reading
//! it as "this route's limit". `Router::layer` wraps every route the router has so far, so
//! `POST /posts` now refuses a body between 4 KiB and the app's 16 KiB with a 413 that it
//! accepted before. The PATCH itself is right in every other respect, and a small `POST` or any
//! `GET` answers exactly as before.

use axum::extract::{DefaultBodyLimit, Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a `PATCH` may change; serde ignores the others.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// The most a patch's body may weigh: two short strings.
const PATCH_LIMIT: usize = 4 * 1024;

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router
        .route("/posts/{id}", patch(update_post))
        .layer(DefaultBodyLimit::max(PATCH_LIMIT))
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
