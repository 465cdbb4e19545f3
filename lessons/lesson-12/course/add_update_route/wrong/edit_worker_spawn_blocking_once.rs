//! Wrong: breaks no answer clause of the stub (each answer is right); it breaks the chapter's "nothing may be kept in a `static` from an earlier server, neither an answer nor a task": the first runtime that served an edit can never be dropped (its drop hangs for good)
//! The learner wants the edits made one at a time off the async workers, by one blocking worker
//! that owns nothing (each job carries the state it edits, so every server edits its own store),
//! started on the first edit and kept in a `static OnceLock` with its queue. It is started with
//! `tokio::task::spawn_blocking`, "tokio's home for blocking work". That worker is a thread of the
//! first runtime's blocking pool that never returns, and dropping a runtime waits for every
//! blocking thread to finish: in a server that runs until the process ends nothing shows, but
//! the first runtime that is dropped (a test's, the checks' first server's) never finishes.

use std::sync::OnceLock;
use std::sync::mpsc;

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use tokio::sync::oneshot;

/// One edit, with everything it needs.
type Job = Box<dyn FnOnce() + Send>;

/// The queue of the process's one editor.
static EDITOR: OnceLock<mpsc::Sender<Job>> = OnceLock::new();

/// The editor's queue, starting the editor on first use.
fn editor() -> &'static mpsc::Sender<Job> {
    EDITOR.get_or_init(|| {
        let (jobs, queue) = mpsc::channel::<Job>();
        // Blocking work belongs on tokio's blocking pool.
        drop(tokio::task::spawn_blocking(move || {
            for job in queue {
                job();
            }
        }));
        jobs
    })
}

/// A patch: each field is changed only when it is sent (absent or `null`: kept).
#[derive(Deserialize)]
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
    if let Some(title) = patch.title.as_deref() {
        check_title(title)?;
    }
    let (reply, answer) = oneshot::channel::<Option<Post>>();
    let job: Job = Box::new(move || {
        let mut store = state.store();
        let edited = store.get_mut(id).map(|post| {
            if let Some(title) = patch.title {
                post.title = title;
            }
            if let Some(body) = patch.body {
                post.body = body;
            }
            post.clone()
        });
        let _ = reply.send(edited);
    });
    editor()
        .send(job)
        .expect("the editor runs for the whole process");
    let edited = answer.await.expect("the editor answers every job");
    edited.map(Json).ok_or(ApiError::NotFound(id))
}
