//! Correct: the control for `token_bucket_refill_task_in_static.rs`: the same process-wide bucket (64 edits at once, 200 a second), but refilled on demand from the time elapsed since it was last used (a `std::time::Instant` in a `static Mutex`), so it owns no task and no timer and outlives every runtime; a patch over budget sleeps on a timer of its own runtime, made for it, after its body is read and its title checked, and then edits under the store's one lock.

use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// How many edits may come at once, and how many a second after that.
const CAPACITY: f64 = 64.0;
const PER_SECOND: f64 = 200.0;

struct Bucket {
    /// Tokens left; below zero, the tokens already promised to patches that are waiting.
    tokens: f64,
    last: Instant,
}

static BUCKET: Mutex<Option<Bucket>> = Mutex::new(None);

/// Takes a token, waiting for it if the bucket is empty.
async fn take_token() {
    let wait = {
        let mut slot = BUCKET.lock().unwrap_or_else(PoisonError::into_inner);
        let now = Instant::now();
        let bucket = slot.get_or_insert(Bucket {
            tokens: CAPACITY,
            last: now,
        });
        let elapsed = now.duration_since(bucket.last).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * PER_SECOND).min(CAPACITY);
        bucket.last = now;
        bucket.tokens -= 1.0;
        if bucket.tokens >= 0.0 {
            Duration::ZERO
        } else {
            Duration::from_secs_f64(-bucket.tokens / PER_SECOND)
        }
    };
    if !wait.is_zero() {
        tokio::time::sleep(wait).await;
    }
}

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
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    take_token().await;
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
