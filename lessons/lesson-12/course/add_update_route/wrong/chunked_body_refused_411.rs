//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON"
//! The learner read that tower-http's body limit refuses a too-long `Content-Length` before reading
//! anything but has to read a chunked body to find out, and PortSwigger's advice on request
//! smuggling ("refuse `Transfer-Encoding` where you can"), so the route that writes answers a body
//! sent without a length with `411 Length Required` (RFC 9110 §15.5.12, nginx's old habit). Every
//! request with a length is answered right; a good patch streamed by a real client (reqwest's
//! `Body::wrap_stream`, Node's `fetch` with a stream, `curl -H 'Transfer-Encoding: chunked'`) is a
//! 411.

use axum::extract::{Path, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change; serde ignores any other.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route(
        "/posts/{id}",
        patch(update_post).route_layer(middleware::from_fn(require_length)),
    )
}

/// A body whose length is not known up front is refused before anyone reads it.
async fn require_length(request: Request, next: Next) -> Response {
    if request.headers().contains_key(header::TRANSFER_ENCODING) {
        return StatusCode::LENGTH_REQUIRED.into_response();
    }
    next.run(request).await
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
