//! Wrong: breaks "the change is kept (later requests see it) and no other post changes" (for two servers side by side in one process)
//! The learner's editors autosave in storms, so edits are group-committed, a database habit: the
//! first patch of a post opens a 15 ms window in a process-wide table of pending batches, every
//! patch of that post that comes within it is merged in (later fields win), and the batch is
//! applied under one taking of the store's lock, each request answered with the post after it.
//! The table is empty between storms, so nothing is left over from an earlier server, and alone
//! every answer is right; but a batch is found by the post's id alone, and carries the store of
//! the request that opened it: two servers in one process (cargo's parallel test threads, or one
//! process serving two apps) that patch their post 1 within 15 ms of each other apply both patches
//! to the first server's store, and the second's store never changes, though it answered 200.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use tokio::sync::oneshot;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// How long a batch stays open for more patches of its post.
const WINDOW: Duration = Duration::from_millis(15);

/// The patches of one post waiting to be applied together.
struct Batch {
    state: AppState,
    title: Option<String>,
    body: Option<String>,
    waiters: Vec<oneshot::Sender<Option<Post>>>,
}

/// The open batches, by post id.
static PENDING: LazyLock<Mutex<HashMap<u64, Batch>>> = LazyLock::new(Mutex::default);

fn pending() -> MutexGuard<'static, HashMap<u64, Batch>> {
    PENDING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Applies post `id`'s batch when dropped: after the window, or at once if the request that opened
/// it goes away first, so that no waiter is left without an answer.
struct Commit(u64);

impl Drop for Commit {
    fn drop(&mut self) {
        let Some(batch) = pending().remove(&self.0) else {
            return;
        };
        let post = {
            let mut store = batch.state.store();
            store.get_mut(self.0).map(|post| {
                if let Some(title) = batch.title {
                    post.title = title;
                }
                if let Some(body) = batch.body {
                    post.body = body;
                }
                post.clone()
            })
        };
        for waiter in batch.waiters {
            let _ = waiter.send(post.clone());
        }
    }
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
    let (answer, answered) = oneshot::channel();
    let opened = {
        let mut pending = pending();
        if let Some(batch) = pending.get_mut(&id) {
            if patch.title.is_some() {
                batch.title = patch.title;
            }
            if patch.body.is_some() {
                batch.body = patch.body;
            }
            batch.waiters.push(answer);
            false
        } else {
            pending.insert(
                id,
                Batch {
                    state,
                    title: patch.title,
                    body: patch.body,
                    waiters: vec![answer],
                },
            );
            true
        }
    };
    if opened {
        let commit = Commit(id);
        tokio::time::sleep(WINDOW).await;
        drop(commit);
    }
    match answered.await {
        Ok(Some(post)) => Ok(Json(post)),
        Ok(None) | Err(_) => Err(ApiError::NotFound(id)),
    }
}
