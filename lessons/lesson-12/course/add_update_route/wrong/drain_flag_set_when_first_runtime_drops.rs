//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept"
//! The learner read that a tokio runtime drops every task it still has when it shuts down, and uses that as a shutdown hook: on the first edit one watcher task is spawned for the process (a `Once`, "one watcher is enough"), holding a guard whose `Drop` raises a process-wide `DRAINING` flag; from then on an edit is refused with `503` and `Retry-After`, Kubernetes-style draining, "so that no edit starts while the server goes away".
//! It works for the first server of a process, but the flag is never lowered: once that server's runtime is dropped, every later server in the process (a second `#[tokio::main]`, the next test) answers every PATCH with 503 and edits nothing.

use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

/// Raised when the runtime that serves the edits shuts down.
static DRAINING: AtomicBool = AtomicBool::new(false);
/// The watcher is spawned once, by the first edit.
static WATCHER: Once = Once::new();

/// Dropped with the watcher task, that is, when its runtime shuts down.
struct OnShutdown;

impl Drop for OnShutdown {
    fn drop(&mut self) {
        DRAINING.store(true, Ordering::SeqCst);
        eprintln!("edits: the server is shutting down, new edits are refused");
    }
}

fn watch_for_shutdown() {
    WATCHER.call_once(|| {
        tokio::spawn(async {
            let _on_shutdown = OnShutdown;
            std::future::pending::<()>().await;
        });
    });
}

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
) -> Result<Response, ApiError> {
    watch_for_shutdown();
    if DRAINING.load(Ordering::SeqCst) {
        return Ok((
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::RETRY_AFTER, "1")],
        )
            .into_response());
    }
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
    Ok(Json(post.clone()).into_response())
}
