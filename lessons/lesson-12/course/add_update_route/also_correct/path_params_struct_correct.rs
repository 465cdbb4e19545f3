//! Correct: the id is read into a struct of path parameters (`Path<PostPath>`, the way axum's docs
//! show routes with named parameters), the method router is built with
//! `MethodRouter::new().patch(..)`, and the handler returns `impl IntoResponse` with an explicit
//! `StatusCode::OK`. (Its 400 for `/posts/abc` is still the `Path` extractor's own answer, but that
//! extractor names the key: "Cannot parse `id` with value `abc` to a `u64`".)

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::MethodRouter;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

/// The path parameters of `/posts/{id}`.
#[derive(Deserialize)]
struct PostPath {
    id: u64,
}

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", MethodRouter::new().patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(PostPath { id }): Path<PostPath>,
    Json(PostPatch { title, body }): Json<PostPatch>,
) -> Result<impl IntoResponse, ApiError> {
    title.as_deref().map(check_title).transpose()?;
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    post.title = title.unwrap_or_else(|| std::mem::take(&mut post.title));
    post.body = body.unwrap_or_else(|| std::mem::take(&mut post.body));
    let answer = post.clone();
    drop(store);
    Ok((StatusCode::OK, Json(answer)))
}
