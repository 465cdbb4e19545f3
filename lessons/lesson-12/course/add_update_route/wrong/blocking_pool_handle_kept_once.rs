//! Wrong: breaks "no panic, whatever the request"
//! The learner read that a std `Mutex` is blocking work and that blocking work goes to tokio's
//! blocking pool, and keeps "the runtime" in a `static OnceLock<Handle>`, taken on the first
//! request, so as to spawn from it the way one keeps a client or a pool: "one handle, made once,
//! used everywhere" (`Handle::current()` panics outside a runtime, a kept one never does). The
//! `JoinError` is `expect`ed: the closure cannot panic. All is well on the first server's runtime.
//! Once that runtime is dropped and a second server runs on a runtime of its own, the handle still
//! points to the first: its blocking pool is shut down, the task is cancelled before it runs, and
//! the `expect` panics on every `PATCH` that the extractors let through (the edit is not made).

use std::sync::OnceLock;

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use tokio::runtime::Handle;

/// The runtime the edits are sent to, kept from the first request.
static RUNTIME: OnceLock<Handle> = OnceLock::new();

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
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
    let runtime = RUNTIME.get_or_init(Handle::current);
    let edited = runtime
        .spawn_blocking(move || edit(&state, id, patch))
        .await
        .expect("the edit cannot panic");
    edited.map(Json)
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
