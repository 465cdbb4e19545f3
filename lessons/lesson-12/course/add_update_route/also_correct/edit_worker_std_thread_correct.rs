//! Correct: the control for `edit_worker_spawn_blocking_once.rs`: the same process-wide editor (one worker, started on the first edit, its queue in a `static OnceLock`, each job carrying the state it edits and answering through a `oneshot`), but the worker is a plain `std::thread` of the process, not a thread of the first runtime's blocking pool, so it belongs to no runtime: dropping one never waits for it, and a later runtime's edits go through the same worker to their own store.

use std::sync::OnceLock;
use std::sync::mpsc;
use std::thread;

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

/// The editor's queue, starting the editor thread on first use.
fn editor() -> &'static mpsc::Sender<Job> {
    EDITOR.get_or_init(|| {
        let (jobs, queue) = mpsc::channel::<Job>();
        // A thread of the process, detached: no runtime waits for it when it is dropped.
        drop(thread::spawn(move || {
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
    // Every check before the job is queued: a refused patch never reaches the store.
    if let Some(title) = patch.title.as_deref() {
        check_title(title)?;
    }
    let (reply, answer) = oneshot::channel::<Option<Post>>();
    let job: Job = Box::new(move || {
        // One lock taking: find, change in place, copy the answer out.
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
        .expect("the editor thread runs for the whole process");
    let edited = answer.await.expect("the editor answers every job");
    edited.map(Json).ok_or(ApiError::NotFound(id))
}
