//! Correct: the handler is a plain synchronous `fn` (not `async fn`, no `async` block anywhere) that does the whole edit before it returns, and hands axum an already-finished `std::future::Ready`
//!
//! A learner who noticed that nothing in the edit awaits (the store's lock is a std `Mutex`,
//! the extractors have run before the handler) and wrote the handler as what it is: ordinary
//! code whose result is wrapped in `std::future::ready`, since axum's `Handler` wants a
//! function that returns *some* `Future + Send`. The extractors, the order of the checks and
//! the edit are the reference's. A strict check that looks for an `async fn` handler, or that
//! counts on the edit happening when the future is first polled, might reject it.

use std::future::{Ready, ready};

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a `PATCH` may change; `None` keeps the post's value.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// `PATCH /posts/{id}`: done by the time it returns.
fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Ready<Result<Json<Post>, ApiError>> {
    ready(edit(&state, id, patch))
}

/// Every check, then every change, under one lock.
fn edit(state: &AppState, id: u64, patch: PostPatch) -> Result<Json<Post>, ApiError> {
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
