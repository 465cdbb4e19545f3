//! Wrong: breaks "no panic, whatever the request" (and the `200 OK` answer of a good patch)
//! The learner paces the writes so that a script looping PATCHes cannot hog the store's lock and starve the readers: each edit waits for the next tick of a `tokio::time::interval` (the tokio docs' way to do something at most every N ms), one pacer for the whole API, made once in a `static OnceLock` on the first edit ("build it once, share it", as the lesson's first post says). An `Interval` belongs to the runtime it was made on: once that runtime is dropped, the next tick on any other runtime panics ("A Tokio 1.x context was found, but it is being shutdown"), so the first server in a process edits fine and every later server's PATCH panics.

use std::sync::OnceLock;
use std::time::Duration;

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use tokio::sync::Mutex as AsyncMutex;
use tokio::time::{Interval, MissedTickBehavior, interval};

/// At most one edit a millisecond, whichever client sends them.
const EDIT_SPACING: Duration = Duration::from_millis(1);

/// The pacer every edit waits on, made on the first edit.
static PACER: OnceLock<AsyncMutex<Interval>> = OnceLock::new();

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// Waits until the pacer lets one more edit through.
async fn wait_for_the_pacer() {
    let pacer = PACER.get_or_init(|| {
        let mut ticks = interval(EDIT_SPACING);
        ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
        AsyncMutex::new(ticks)
    });
    pacer.lock().await.tick().await;
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    wait_for_the_pacer().await;
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
