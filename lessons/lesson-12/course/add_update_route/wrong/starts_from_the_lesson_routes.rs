//! Wrong: breaks "`add_update_route(router)` returns `router` with one more route" / "every route `router` already has keeps working as before"
//! The learner kept the stub's `let _ = router;` and, having seen `main` build the app from
//! `routes()`, starts from the lesson's routes ("the function gives the API's routes, with the
//! PATCH"). Given the lesson's own `routes()`, the result is exactly right; given any other router
//! (one with a route of its own, `GET /health` or `GET /users/{id}`, or an empty one), its routes
//! are gone and the lesson's appear in their place.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title, routes};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a client may change; absent or `null` is `None`, the rest is ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let _ = router;
    routes().route("/posts/{id}", patch(update_post))
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
