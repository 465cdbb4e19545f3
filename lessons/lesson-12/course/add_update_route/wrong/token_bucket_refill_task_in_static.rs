//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON" (once the runtime that made the bucket is gone, at most 64 more patches in the whole process ever get an answer; every later one waits until the app's timeout answers 408)
//! The learner wants a script that loops PATCHes not to hog the store, and copies the token bucket from the docs of `tokio::sync::Semaphore` ("Rate limiting using a token bucket": permits taken with `forget()`, given back one per tick by a task that runs an `interval`).
//! "One API, one budget", so the bucket is built once, by the first patch, in a `static OnceLock`. The refill task lives on the runtime of that first patch: when that runtime is dropped (a test's, or the first of two servers), the task goes with it, nobody refills, and the bucket drains for good.
//! Input that shows it: any runtime dropped after a patch, then more than 64 patches on later runtimes (the checks' "120 patches in a row" after the two first routers).

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use tokio::sync::Semaphore;
use tokio::time::MissedTickBehavior;

/// How many edits may come at once, and how often one more is allowed: 200 a second.
const CAPACITY: usize = 64;
const REFILL_EVERY: Duration = Duration::from_millis(5);

/// The token bucket of tokio's own `Semaphore` docs.
struct TokenBucket {
    sem: Arc<Semaphore>,
}

impl TokenBucket {
    fn new(duration: Duration, capacity: usize) -> TokenBucket {
        let sem = Arc::new(Semaphore::new(capacity));
        // refills the tokens at the end of each interval
        tokio::spawn({
            let sem = Arc::clone(&sem);
            let mut interval = tokio::time::interval(duration);
            interval.set_missed_tick_behavior(MissedTickBehavior::Skip);
            async move {
                loop {
                    interval.tick().await;
                    if sem.available_permits() < capacity {
                        sem.add_permits(1);
                    }
                }
            }
        });
        TokenBucket { sem }
    }

    async fn acquire(&self) {
        // The semaphore is never closed, so this never fails.
        if let Ok(permit) = self.sem.acquire().await {
            // A token is used up, not given back: the refill task gives them back.
            permit.forget();
        }
    }
}

/// One bucket for the whole API, made by the first patch (it needs a runtime to spawn on).
static BUCKET: OnceLock<TokenBucket> = OnceLock::new();

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
    BUCKET
        .get_or_init(|| TokenBucket::new(REFILL_EVERY, CAPACITY))
        .acquire()
        .await;
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
