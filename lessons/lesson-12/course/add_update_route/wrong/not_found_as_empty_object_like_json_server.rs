//! Wrong: breaks "an `id` that is a whole number (a `u64`) but no post's (`/posts/4` when there is none, or `/posts/5000000000`): `404` with the body `ApiError::NotFound(id)` gives"
//! The learner reads "JSONPlaceholder's `PATCH`, kept for real" and copies the course's mock server
//! for the missing post: json-server answers an item it cannot find with `404` and `{}` ("an empty
//! object rather than an empty body, so that a client that always parses JSON still can"). The
//! answer is JSON already, so `json_errors` lets it through: `{}`, not `{"error": "no post 4"}`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;
use serde_json::json;

/// The fields a patch may change; the others are ignored.
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
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let Some(post) = store.get_mut(id) else {
        // What JSONPlaceholder answers for an item it does not have.
        return Ok((StatusCode::NOT_FOUND, Json(json!({}))).into_response());
    };
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    let post = post.clone();
    drop(store);
    Ok(Json(post).into_response())
}
