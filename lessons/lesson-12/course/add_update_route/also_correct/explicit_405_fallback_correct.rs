//! Correct: the method router is given an explicit fallback, `patch(update_post).fallback(..)`, that answers every method other than `PATCH` with a bare `405` (the control for `merge_method_accepted_like_odata.rs`).
//! The learner does not want to rely on a default they cannot see, so other methods get a
//! handler that says 405 in so many words. axum merges it into the path's method router (the
//! `GET` there has only the default fallback, so no panic), and, since the answer has no
//! `Allow` header of its own, adds the same `Allow: GET,HEAD,PATCH` it adds to its own 405: the
//! answers to `PUT`, `POST`, `DELETE`, `OPTIONS`, a lower-case `patch` or any other method are
//! byte for byte what the reference gives, and the lesson's `json_errors` turns the empty 405
//! into the same JSON.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
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
    router.route(
        "/posts/{id}",
        patch(update_post).fallback(method_not_allowed),
    )
}

/// Any method `/posts/{id}` has no handler for.
async fn method_not_allowed() -> StatusCode {
    StatusCode::METHOD_NOT_ALLOWED
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
