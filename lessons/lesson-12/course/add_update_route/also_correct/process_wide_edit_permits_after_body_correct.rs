//! Correct: state kept for the whole process and shared by calls side by side, of the kinds that no
//! store, router or runtime owns: a `static` tokio `Semaphore` lets at most four edits at a time
//! past it (the learner's "no write storm on the store's one lock"), taken in the handler after the
//! extractors have read the body and given back with the answer, and a `static AtomicU64` numbers
//! the edits for a log line on stderr. tokio's `sync` types need no runtime, so a permit taken on
//! one runtime and given back before its answer leaves nothing for the next; a patch whose body is
//! still on its way holds no permit, so it never makes another patch wait.

use std::sync::atomic::{AtomicU64, Ordering};

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use tokio::sync::Semaphore;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// The most edits applied at once, whichever server they come to.
static EDITS_AT_ONCE: Semaphore = Semaphore::const_new(4);

/// Edits made by this process, for the log.
static EDITS_MADE: AtomicU64 = AtomicU64::new(0);

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
    // The semaphore is never closed; if it were, the edit would go ahead without a permit.
    let _permit = EDITS_AT_ONCE.acquire().await.ok();
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
    let number = EDITS_MADE.fetch_add(1, Ordering::Relaxed) + 1;
    eprintln!("edit #{number} of this process: post {id}");
    Ok(Json(post))
}
