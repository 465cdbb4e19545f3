//! Correct: the route lives in a router of its own, written relative to `/posts` (`/{id}`), and
//! is attached with `Router::nest("/posts", ..)` (aiohttp's sub-application habit); axum 0.8
//! flattens a nested router, so `PATCH` joins the methods `GET /posts/{id}` already has. The
//! handler answers `(StatusCode::OK, Json(post))` and changes the fields with `Option::take`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change; anything else in the body is ignored.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let posts = Router::new().route("/{id}", patch(update_post));
    router.nest("/posts", posts)
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(mut patch): Json<PostPatch>,
) -> Result<(StatusCode, Json<Post>), ApiError> {
    if let Some(title) = patch.title.as_ref() {
        check_title(title)?;
    }
    let mut store = state.store();
    let Some(post) = store.get_mut(id) else {
        return Err(ApiError::NotFound(id));
    };
    if let Some(title) = patch.title.take() {
        post.title = title;
    }
    if let Some(body) = patch.body.take() {
        post.body = body;
    }
    Ok((StatusCode::OK, Json(post.clone())))
}
