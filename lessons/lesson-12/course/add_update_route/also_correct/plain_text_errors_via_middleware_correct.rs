//! Correct, written another way: the handler returns a plain `Response` and answers its own
//! errors as `(StatusCode, String)`, plain text, the way aiohttp's `web.HTTPNotFound(text=...)`
//! does, with the texts `ApiError` and `check_title` give. It never builds the JSON error body
//! itself: the app's `json_errors` middleware, which every answer goes through, turns a plain
//! text error into `{"error": "<the text>"}` with `Content-Type: application/json`, the same
//! status, and the same bytes `ApiError::into_response` gives. The title is checked first, the
//! lock taken once, and the post changed in place after `let .. else`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

/// The fields a `PATCH` may change; serde ignores the others.
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
) -> Response {
    if let Some(Err(err)) = patch.title.as_deref().map(check_title) {
        return (StatusCode::UNPROCESSABLE_ENTITY, err.to_string()).into_response();
    }
    let mut store = state.store();
    let Some(post) = store.get_mut(id) else {
        return (StatusCode::NOT_FOUND, ApiError::NotFound(id).to_string()).into_response();
    };
    let PostPatch { title, body } = patch;
    if let Some(title) = title {
        post.title = title;
    }
    if let Some(body) = body {
        post.body = body;
    }
    Json(post.clone()).into_response()
}
