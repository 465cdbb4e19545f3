//! Correct: the learner puts the lesson's own `json_errors` on the router it returns
//! (`.layer(middleware::map_response(json_errors))`, as `app` does), "so that my route's errors are
//! JSON even when served without `app`". Through `app` it runs twice, which changes nothing: an
//! error it has turned into JSON is JSON, and it leaves JSON and successes alone (every route of
//! the router given gets it too, to the same effect). The handler itself is the plain one.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router, middleware};
use lesson_12::{ApiError, AppState, check_title, json_errors};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change; the others are ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router
        .route("/posts/{id}", patch(update_post))
        .layer(middleware::map_response(json_errors))
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
