//! Wrong: breaks "every route `router` already has keeps working as before" (and "`PUT`, `POST` or `DELETE /posts/{id}` stay a 405": the status stays, the answer does not)
//! The learner wants the refused methods to tell the client what to do ("PUT is not allowed here:
//! use PATCH to edit a post") and finds `Router::method_not_allowed_fallback` on docs.rs. The PATCH
//! itself is right and every 405 is still a 405 with its `Allow` header, but the fallback is set on
//! every route the router has, so `DELETE /posts` and `PUT /posts/1` now answer the learner's JSON
//! instead of the app's `{"error": "method not allowed"}`.

use axum::extract::{Path, State};
use axum::http::{Method, StatusCode, Uri};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router
        .route("/posts/{id}", patch(update_post))
        .method_not_allowed_fallback(method_not_allowed)
}

/// A 405 that says what to do instead.
async fn method_not_allowed(method: Method, uri: Uri) -> (StatusCode, Json<ErrorBody>) {
    let hint = if uri.path() == "/posts" {
        "use GET to list posts or POST to add one"
    } else {
        "use GET to read a post or PATCH to edit it"
    };
    (
        StatusCode::METHOD_NOT_ALLOWED,
        Json(ErrorBody {
            error: format!("{method} is not allowed on {}: {hint}", uri.path()),
        }),
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
