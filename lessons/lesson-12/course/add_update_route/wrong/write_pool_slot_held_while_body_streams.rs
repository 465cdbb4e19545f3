//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept (later requests see it)" for a good patch sent while eight other patches to the same router are still sending their bodies (the ninth, complete, is answered 503 and not applied)
//!
//! The learner gives writes a bounded "pool" of eight slots, the way a service sizes its
//! database connection pool and fails fast instead of queueing (HikariCP with a zero checkout
//! timeout, tower's `ConcurrencyLimit` + `LoadShed`): a route middleware takes a slot with
//! `try_acquire_owned` and answers `503 Service Unavailable` with `Retry-After: 1` when none is
//! free. The pool belongs to the router (no `static`), and the handler is the reference's. But
//! the slot is taken before `next.run`, and so before the `Json` extractor has read the body:
//! it is held for as long as the client takes to send it. Eight slow uploads (a phone on a bad
//! link, or eight requests whose bodies are still on their way) fill the pool, and every good
//! patch that comes in meanwhile is refused though nothing is being edited. The chapter's
//! checks send at most two patches in flight at once, so the pool never runs dry for them.

use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use tokio::sync::Semaphore;

/// How many edits may be in progress at once on one router.
const WRITE_SLOTS: usize = 8;

/// The fields a `PATCH` may change; absent or `null` is `None`, and keeps the value.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let pool = Arc::new(Semaphore::new(WRITE_SLOTS));
    router.route(
        "/posts/{id}",
        patch(update_post).route_layer(middleware::from_fn_with_state(pool, take_write_slot)),
    )
}

/// Fails fast when every write slot is taken, rather than letting requests pile up.
async fn take_write_slot(
    State(pool): State<Arc<Semaphore>>,
    request: Request,
    next: Next,
) -> Response {
    let Ok(_slot) = pool.try_acquire_owned() else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::RETRY_AFTER, HeaderValue::from_static("1"))],
            "too many edits in progress, try again",
        )
            .into_response();
    };
    next.run(request).await
}

/// `PATCH /posts/{id}`: every check first, then every change.
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
