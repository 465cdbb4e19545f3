//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it"
//! The learner comes from SQLite, which has one writer at a time and, with `busy_timeout = 0`,
//! answers `SQLITE_BUSY` at once instead of queueing ("a client told to retry beats a request
//! that hangs"), so edits go through a process-wide gate: a per-route middleware takes the one
//! permit of a `static` semaphore with `try_acquire` and answers `409 Conflict` when another edit
//! holds it. Alone, every patch passes. But the middleware wraps the handler, extractors
//! included, so the permit is held while the `Json` extractor reads the body: a client whose
//! body is slow to arrive (or one that stalls until the timeout) makes every other good `PATCH`,
//! to any post, on any server in the process, a 409.

use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use tokio::sync::Semaphore;

/// One writer at a time, as in SQLite.
static WRITER: Semaphore = Semaphore::const_new(1);

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route(
        "/posts/{id}",
        patch(update_post).route_layer(middleware::from_fn(one_writer)),
    )
}

/// Lets one edit in at a time; the others are told to come back (busy, not queued).
async fn one_writer(request: Request, next: Next) -> Response {
    let Ok(_permit) = WRITER.try_acquire() else {
        let body = ErrorBody {
            error: "another edit is in progress; try again".to_owned(),
        };
        return (StatusCode::CONFLICT, Json(body)).into_response();
    };
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
