//! Correct: state kept for the whole process, done so that it outlives every server: the edits run
//! on a small runtime of the exercise's own, built once in a `static OnceLock<Runtime>` and never
//! dropped (a kept `Handle` would outlive its runtime; a kept runtime cannot), with
//! `Runtime::spawn_blocking`, the handler awaiting the `JoinHandle` from whichever runtime serves it
//! (a `JoinHandle` is not tied to the runtime that awaits it). Each task is given the request's own
//! `AppState`, so two servers never share a store; a `JoinError` (which only a panic in the closure
//! could cause) is answered as a 500 rather than `expect`ed.

use std::sync::OnceLock;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use tokio::runtime::{Builder, Runtime};

/// The edits' own runtime: one worker, and the blocking pool that `spawn_blocking` uses.
static EDITS: OnceLock<Runtime> = OnceLock::new();

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

fn edits_runtime() -> Option<&'static Runtime> {
    if let Some(runtime) = EDITS.get() {
        return Some(runtime);
    }
    let built = Builder::new_multi_thread()
        .worker_threads(1)
        .max_blocking_threads(4)
        .thread_name("post-edits")
        .build()
        .ok()?;
    // Another request may have built one meanwhile: keep the first, drop ours off the runtime
    // (a runtime must not be dropped inside an async context).
    if let Err(extra) = EDITS.set(built) {
        std::thread::spawn(move || drop(extra));
    }
    EDITS.get()
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Response {
    let Some(runtime) = edits_runtime() else {
        // No thread for the edits' runtime: do the edit here, as the plain solution would.
        return answer(edit(&state, id, patch));
    };
    match runtime
        .spawn_blocking(move || edit(&state, id, patch))
        .await
    {
        Ok(edited) => answer(edited),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

fn answer(edited: Result<Post, ApiError>) -> Response {
    match edited {
        Ok(post) => Json(post).into_response(),
        Err(error) => error.into_response(),
    }
}

/// The whole edit, under the store's lock: every check first, then the change.
fn edit(state: &AppState, id: u64, patch: PostPatch) -> Result<Post, ApiError> {
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
    Ok(post.clone())
}
