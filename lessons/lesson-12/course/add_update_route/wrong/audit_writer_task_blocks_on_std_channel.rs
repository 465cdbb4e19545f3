//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON" (and "no panic, whatever the request": on a current-thread runtime no answer comes at all)
//! The learner logs every edit, but does not want a handler ever to wait on a slow terminal or a
//! full pipe, so each router gets one writer task, started by its first edit (a `OnceLock` the
//! handler holds, not a `static`: "nothing kept from an earlier server"), and handlers hand it
//! lines through std's `mpsc` channel, "whose `send` never blocks and needs no `.await`". The task
//! reads them with `for line in rx`, a blocking `recv` inside `tokio::spawn`: on a multi-thread
//! runtime it quietly takes one worker thread for good and every answer is right; on a
//! current-thread runtime (`#[tokio::test]`'s, or the checks' second server) the first time the
//! runtime gets to run it, it blocks the runtime's only thread, and no request is answered again.

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

/// The writer: one task per router, which owns stderr's writing and never makes a handler wait.
fn start_writer() -> Sender<String> {
    let (lines, rx) = mpsc::channel::<String>();
    tokio::spawn(async move {
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
