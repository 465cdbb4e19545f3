//! Wrong: breaks "only `PATCH` edits: `PUT`, `POST` or `DELETE /posts/{id}` stay a 405" together with "every route `router` already has keeps working as before": the three are still 405s with the app's body, but their `Allow` header says `PATCH` where axum's 405 said `GET,HEAD,PATCH` (`GET /posts/{id}` no longer listed), and every other method's 405 (`OPTIONS /posts/1`, `MERGE /posts/1`, `patch` in lower case) now says `Allow: GET,HEAD,PATCH,PUT,POST,DELETE`, advertising three methods that are refused.
//! The learner wanted the refusals the contract names to be explicit rather than left to the
//! framework, the aiohttp way (`raise web.HTTPMethodNotAllowed(method, allowed_methods=["PATCH"])`
//! for the methods a view does not take): a handler for `PUT`, `POST` and `DELETE` that answers
//! `405` with an `Allow` header naming the method that does edit. The status is right and the
//! app's `json_errors` gives the body its usual `{"error": "method not allowed"}`. But the header
//! forgets the path's `GET`, and registering those handlers makes axum count `PUT`, `POST` and
//! `DELETE` as methods the path has, in the `Allow` header of every 405 it writes itself.

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change; `None` when absent or `null`. Other fields are ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route(
        "/posts/{id}",
        patch(update_post)
            .put(edits_are_patches)
            .post(edits_are_patches)
            .delete(edits_are_patches),
    )
}

/// The methods that do not edit a post: 405, and which method does.
async fn edits_are_patches() -> impl IntoResponse {
    (StatusCode::METHOD_NOT_ALLOWED, [(header::ALLOW, "PATCH")])
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = patch.title.as_deref() {
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
