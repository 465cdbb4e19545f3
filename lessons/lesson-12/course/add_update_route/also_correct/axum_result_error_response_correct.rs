//! Correct: the handler returns axum's own `axum::response::Result<Response>` (its error type is
//! `ErrorResponse`, which every `IntoResponse` converts into, so `?` turns `ApiError` into its
//! answer), the patch's fields are renamed in Rust (`new_title`, `new_body`) with
//! `#[serde(rename)]`, and a missing post is a `let else` that converts `ApiError` by hand.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response, Result};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

#[derive(Deserialize)]
struct Changes {
    #[serde(rename = "title")]
    new_title: Option<String>,
    #[serde(rename = "body")]
    new_body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(edit_post))
}

async fn edit_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(changes): Json<Changes>,
) -> Result<Response> {
    if let Some(title) = changes.new_title.as_deref() {
        check_title(title)?;
    }
    let mut store = state.store();
    let Some(post) = store.get_mut(id) else {
        return Err(ApiError::NotFound(id).into());
    };
    if let Some(title) = changes.new_title {
        post.title = title;
    }
    if let Some(body) = changes.new_body {
        post.body = body;
    }
    let answer = Json(post.clone()).into_response();
    Ok(answer)
}
