//! Correct: the control for `trailing_commas_tolerated_like_jsonc.rs`: the same per-route middleware (`patch(..).layer(middleware::from_fn(..))`) buffers the whole body with axum's own `Bytes` extractor (so a body too big is the extractor's 413), logs the path and the body's size to stderr for an audit trail, and rebuilds the request with the very same bytes and headers for the `Json` extractor; nothing about the patch or its refusals changes.

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Path, Request, State};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route(
        "/posts/{id}",
        patch(update_post).layer(middleware::from_fn(audit_patch_body)),
    )
}

/// Logs each PATCH's path and body size, then hands the request on untouched.
async fn audit_patch_body(request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let bytes = match Bytes::from_request(Request::new(body), &()).await {
        Ok(bytes) => bytes,
        Err(rejection) => return rejection.into_response(),
    };
    eprintln!(
        "audit: PATCH {} with {} bytes",
        parts.uri.path(),
        bytes.len()
    );
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
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
