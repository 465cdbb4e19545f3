//! Correct: the method router carries a middleware of its own
//! (`patch(..).layer(middleware::from_fn(..))`, aiohttp's per-handler decorator habit) that times
//! each edit and logs its status to stderr without touching the request or the answer; the handler
//! checks the title through `as_deref`, applies with `Option::take`, and answers `(StatusCode::OK,
//! Json(..))` from a scope that drops the lock first.

use std::time::Instant;

use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

/// The fields a `PATCH` may change; the others are ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let edits = patch(update_post).layer(middleware::from_fn(time_edit));
    router.route("/posts/{id}", edits)
}

/// Logs how each edit went, like an aiohttp middleware around one handler.
async fn time_edit(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    eprintln!(
        "PATCH {path}: {} in {:?}",
        response.status(),
        started.elapsed()
    );
    response
}

async fn update_post(
    Path(id): Path<u64>,
    State(state): State<AppState>,
    Json(mut patch): Json<PostPatch>,
) -> Result<impl IntoResponse, ApiError> {
    if let Some(title) = patch.title.as_deref() {
        check_title(title)?;
    }
    let post = {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        if let Some(title) = patch.title.take() {
            post.title = title;
        }
        if let Some(body) = patch.body.take() {
            post.body = body;
        }
        post.clone()
    };
    Ok((StatusCode::OK, Json(post)))
}
