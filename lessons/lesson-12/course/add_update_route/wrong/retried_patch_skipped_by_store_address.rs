//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept (later requests see it)"
//! The learner's mobile clients retry a PATCH whose answer got lost, so every edit is remembered for
//! 30 s in a process-wide map, and the same patch to the same post again within that time is "a
//! retry": answered with the post as it is, without writing again. To keep two servers in one process
//! apart (the tests run several), the key starts with the store's address. But a patch is not a retry
//! just because it was sent before: title A, then B, then A again within 30 s leaves the post at B
//! (and answers B); and a store dropped and another made often lands at the same address, whose
//! first patch is then taken for the old store's retry and never applied.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, Store, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// (store, post id, title sent, body sent)
type EditKey = (usize, u64, Option<String>, Option<String>);

/// How long a patch counts as a client's retry of the one it sent before.
const RETRY_WINDOW: Duration = Duration::from_secs(30);

/// The edits made lately, and when.
static RECENT_EDITS: LazyLock<Mutex<HashMap<EditKey, Instant>>> = LazyLock::new(Default::default);

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
    let mut store = state.store();
    // Which server's store this is: two servers in one process must not share their retries.
    let store_address = &*store as *const Store as usize;
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;

    let now = Instant::now();
    let key = (store_address, id, patch.title.clone(), patch.body.clone());
    let retry = {
        let mut recent = RECENT_EDITS.lock().unwrap_or_else(PoisonError::into_inner);
        recent.retain(|_, at| now.duration_since(*at) < RETRY_WINDOW);
        recent.insert(key, now).is_some()
    };
    if !retry {
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
    }
    Ok(Json(post.clone()))
}
