//! Correct: the control for `group_commit_window_keyed_by_id.rs`: the same process-wide table of
//! batches, the same 15 ms window and the same commit on drop, but a batch is found by its store
//! and its post: the key is the address of the `Store` behind the request's lock together with the
//! id. An address can name another store only once the first is gone, and a batch holds a clone of
//! its `AppState` until it is applied, so while a key is in the table it names that store alone;
//! two servers side by side that patch their post 1 at once each get a batch of their own.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, Store, check_title};
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

/// Which batch: the store's address (only while the batch keeps that store alive) and the post.
type Key = (usize, u64);

/// The open batches, by store and post.
static PENDING: LazyLock<Mutex<HashMap<Key, Batch>>> = LazyLock::new(Mutex::default);

fn pending() -> MutexGuard<'static, HashMap<Key, Batch>> {
    PENDING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Applies post `id`'s batch when dropped: after the window, or at once if the request that opened
/// it goes away first, so that no waiter is left without an answer.
struct Commit(Key);

impl Drop for Commit {
    fn drop(&mut self) {
        let Some(batch) = pending().remove(&self.0) else {
            return;
        };
        let id = self.0.1;
        let post = {
            let mut store = batch.state.store();
            store.get_mut(id).map(|post| {
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

/// Where this state's store lives: the same for every clone of one `AppState`, and no other
/// store's while this one is alive.
fn store_address(state: &AppState) -> usize {
    let store = state.store();
    std::ptr::from_ref::<Store>(&store) as usize
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let key: Key = (store_address(&state), id);
    let (answer, answered) = oneshot::channel();
    let opened = {
        let mut pending = pending();
        if let Some(batch) = pending.get_mut(&key) {
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
                key,
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
        let commit = Commit(key);
        tokio::time::sleep(WINDOW).await;
        drop(commit);
    }
    match answered.await {
        Ok(Some(post)) => Ok(Json(post)),
        Ok(None) | Err(_) => Err(ApiError::NotFound(id)),
    }
}
