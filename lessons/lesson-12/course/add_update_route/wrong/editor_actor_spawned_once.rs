//! Wrong: breaks "no panic, whatever the request" (and "the answer: `200 OK` with the whole post after the change")
//! The learner follows Alice Ryhl's "Actors with Tokio": one task owns the edits and handlers
//! send it messages, so edits are made one at a time, in the order they came. `add_update_route`
//! is not async and may run outside a runtime (where `tokio::spawn` panics), so the task is
//! spawned by the first PATCH and its sender kept in a `static OnceLock`, "since it must outlive
//! the request". The task lives on the runtime of that first request: while that runtime runs,
//! every edit is right, even from other runtimes; once it is dropped (a `#[tokio::test]` that
//! ends, a server stopped and another started), the task is gone, the channel is closed, and
//! every later PATCH panics on `send(..).expect(..)`.

use std::sync::OnceLock;

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use tokio::sync::{mpsc, oneshot};

/// The fields a PATCH may change; absent or `null` is `None`, and keeps its value.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// A message to the editor: one edit, and where to send its outcome.
struct Job {
    state: AppState,
    id: u64,
    patch: PostPatch,
    reply: oneshot::Sender<Result<Post, ApiError>>,
}

/// The editor's mailbox, for as long as the process lives.
static EDITOR: OnceLock<mpsc::Sender<Job>> = OnceLock::new();

/// The editor's mailbox, starting the editor on first use.
fn editor() -> &'static mpsc::Sender<Job> {
    EDITOR.get_or_init(|| {
        let (sender, mut jobs) = mpsc::channel::<Job>(64);
        tokio::spawn(async move {
            while let Some(job) = jobs.recv().await {
                let outcome = apply(&job.state, job.id, job.patch);
                // The handler may be gone (its client hung up): nothing to tell.
                let _ = job.reply.send(outcome);
            }
        });
        sender
    })
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
    let (reply, outcome) = oneshot::channel();
    let job = Job {
        state,
        id,
        patch,
        reply,
    };
    editor()
        .send(job)
        .await
        .expect("the editor runs as long as the server");
    let post = outcome.await.expect("the editor answers every job")?;
    Ok(Json(post))
}

/// One edit, checked whole before anything changes; run by the editor, one at a time.
fn apply(state: &AppState, id: u64, patch: PostPatch) -> Result<Post, ApiError> {
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
