//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer"
//! The learner wants an audit line per edit with the size of the patch, and has read that a
//! body should not be buffered twice, so a per-route middleware counts the bytes as they stream
//! through to `Json` (`Body::from_stream(body.into_data_stream().inspect_ok(..))`) and logs the
//! count after the answer. Every body the app takes is read exactly as before, but the re-wrapped
//! body adds one more `axum::Error` box around a body error: when a body with no `Content-Length`
//! runs past the app's 16 KiB limit, `Json` no longer finds the `LengthLimitError` (it unwraps two
//! boxes) and answers `400 Failed to buffer the request body` instead of its `413`.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::patch;
use axum::{Json, Router};
use futures::TryStreamExt;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route(
        "/posts/{id}",
        patch(update_post).layer(middleware::from_fn(count_patch_bytes)),
    )
}

/// Logs how many bytes of body each patch had, counted on the way through, never buffered here.
async fn count_patch_bytes(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let seen = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&seen);
    let request = request.map(|body| {
        Body::from_stream(body.into_data_stream().inspect_ok(move |chunk| {
            counter.fetch_add(chunk.len(), Ordering::Relaxed);
        }))
    });
    let response = next.run(request).await;
    eprintln!(
        "PATCH {path}: {} bytes of patch, answered {}",
        seen.load(Ordering::Relaxed),
        response.status()
    );
    response
}

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
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
