//! Correct: the control for `audit_writer_task_blocks_on_std_channel.rs`: the same edit log, one
//! writer per router started by its first edit and fed through std's `mpsc` channel, but the writer
//! is a plain `std::thread`, whose blocking `recv` blocks nothing of any runtime: the answers are
//! the same on a multi-thread and on a current-thread runtime, and the thread ends when the router
//! (and with it the channel's sending half) is dropped, whichever runtime is gone by then.

use std::io::Write;
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, OnceLock};

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// The router's edit log: the sending half, given to the writer task on the first edit.
type AuditLog = Arc<OnceLock<Sender<String>>>;

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let audit = AuditLog::default();
    router.route(
        "/posts/{id}",
        patch(
            move |State(state): State<AppState>,
                  Path(id): Path<u64>,
                  Json(patch): Json<PostPatch>| {
                let audit = Arc::clone(&audit);
                async move { update_post(&state, &audit, id, patch) }
            },
        ),
    )
}

/// The writer: one thread per router, which owns stderr's writing and never makes a handler wait.
/// If the thread cannot be started, the lines go nowhere (the receiver is dropped with the closure,
/// so `send` fails, and that is ignored): the log never decides an answer.
fn start_writer() -> Sender<String> {
    let (lines, rx) = mpsc::channel::<String>();
    let _ = std::thread::Builder::new()
        .name("edit-log".into())
        .spawn(move || {
            for line in rx {
                let mut err = std::io::stderr().lock();
                let _ = writeln!(err, "{line}");
            }
        });
    lines
}

fn update_post(
    state: &AppState,
    audit: &AuditLog,
    id: u64,
    patch: PostPatch,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let post = {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
        post.clone()
    };
    let line = format!(
        "edited post {id}: title {} chars, body {} chars",
        post.title.chars().count(),
        post.body.chars().count()
    );
    let _ = audit.get_or_init(start_writer).send(line);
    Ok(Json(post))
}
