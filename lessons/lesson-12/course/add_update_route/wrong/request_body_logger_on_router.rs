//! Wrong: breaks "every route `router` already has keeps working as before" (and, for the new route, "a
//! request the API's extractors refuse is that extractor's answer")
//! While debugging its PATCH, the learner wants to see every request body that reaches the API and copies
//! axum's own `print-request-response` example: a `middleware::from_fn` layer on the router that buffers the
//! body, logs it, and puts it back, answering `400 "failed to read request body: .."` when the body cannot be
//! read. A body past the app's 16 KiB limit without a `Content-Length` (streamed, or built in-process) is now
//! a 400 from this layer, for `POST /posts` as for `PATCH`, where `Json` answered 413.

use axum::body::{Body, to_bytes};
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change; serde ignores the others.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added, and every request's body logged.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router
        .route("/posts/{id}", patch(update_post))
        .layer(middleware::from_fn(log_request_body))
}

/// axum's `print-request-response` example, for the request half: buffer the body, log it, put it back.
async fn log_request_body(request: Request, next: Next) -> Result<Response, (StatusCode, String)> {
    let (parts, body) = request.into_parts();
    let bytes = to_bytes(body, usize::MAX).await.map_err(|err| {
        (
            StatusCode::BAD_REQUEST,
            format!("failed to read request body: {err}"),
        )
    })?;
    if !bytes.is_empty() {
        let text = String::from_utf8_lossy(&bytes);
        let preview: String = text.chars().take(80).collect();
        eprintln!(
            "{} {} ({} bytes): {preview:?}",
            parts.method,
            parts.uri,
            bytes.len()
        );
    }
    let request = Request::from_parts(parts, Body::from(bytes));
    Ok(next.run(request).await)
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
