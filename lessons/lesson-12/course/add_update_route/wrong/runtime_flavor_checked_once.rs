//! Wrong: breaks "no panic, whatever the request"
//! The learner read that the store's std `Mutex` is blocking work and that tokio's answer is
//! `block_in_place`, which panics on a current-thread runtime; so the edit runs in `block_in_place`
//! only on a multi-thread runtime, and since "the runtime's flavor never changes", it is asked once,
//! on the first request, and kept in a `static OnceLock`. A process whose first server ran on a
//! multi-thread runtime (`#[tokio::main]`) then panics on every PATCH served by a current-thread one
//! (`#[tokio::test]`'s default): the connection is dropped with no answer.

use std::sync::OnceLock;

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use tokio::runtime::{Handle, RuntimeFlavor};

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Whether we run on tokio's multi-thread runtime, found out on the first request.
static MULTI_THREAD: OnceLock<bool> = OnceLock::new();

fn on_multi_thread_runtime() -> bool {
    *MULTI_THREAD.get_or_init(|| Handle::current().runtime_flavor() == RuntimeFlavor::MultiThread)
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let edit = move || -> Result<Post, ApiError> {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
        Ok(post.clone())
    };
    // Locking is blocking: tell the runtime, so that it moves its other tasks off this thread.
    let post = if on_multi_thread_runtime() {
        tokio::task::block_in_place(edit)?
    } else {
        edit()?
    };
    Ok(Json(post))
}
