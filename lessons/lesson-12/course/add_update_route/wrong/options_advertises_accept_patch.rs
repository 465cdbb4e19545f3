//! Wrong: breaks "every route `router` already has keeps working as before" (and "returns `router` with one more route: `PATCH /posts/{id}`")
//! The learner read RFC 5789 §3.1: a server that supports `PATCH` advertises it with an
//! `Accept-Patch` header in its answer to `OPTIONS`, so the new route also answers `OPTIONS
//! /posts/{id}` with a 204, an `Allow` list and the patch formats. `PATCH` is right and `PUT`,
//! `POST`, `DELETE` stay 405; but `OPTIONS /posts/1`, a 405 before (axum's answer for a method the
//! path does not have, a JSON `method not allowed` through `json_errors`), is now a 204.

use axum::extract::{Path, State};
use axum::http::{HeaderName, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a `PATCH` may change; the others are ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post).options(patch_options))
}

/// RFC 5789 §3.1: tell clients that this resource takes `PATCH`, and in which formats.
async fn patch_options() -> impl IntoResponse {
    (
        StatusCode::NO_CONTENT,
        [
            (header::ALLOW, "GET, HEAD, PATCH, OPTIONS"),
            (
                HeaderName::from_static("accept-patch"),
                "application/json, application/merge-patch+json",
            ),
        ],
    )
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
