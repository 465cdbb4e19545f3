//! Wrong: breaks "no `Content-Type: application/json` (415)"
//! The body is extracted as `Option<Json<PostPatch>>`, the learner's idea being that a `PATCH`
//! without a body is an empty patch, answered with the post as it is. In axum 0.8 `Option<Json<T>>`
//! goes through `OptionalFromRequest`: a `Content-Type` that is not JSON (`text/plain`) is still
//! the 415, and a bad body is still a 400 or 422, but a request with no `Content-Type` header at
//! all is `None`, so it gets `200` and the unchanged post instead of the extractor's `415`.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a `PATCH` may change.
#[derive(Debug, Deserialize)]
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
    patch: Option<Json<PostPatch>>,
) -> Result<Json<Post>, ApiError> {
    // No body: nothing to change.
    let PostPatch { title, body } = match patch {
        Some(Json(patch)) => patch,
        None => PostPatch {
            title: None,
            body: None,
        },
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
