//! Wrong: breaks "the answer: `200 OK` with the whole post after the change …; the change is kept (later requests see it)" (for every good patch, however many come in a row)
//! The learner comes from Express, where a write route gets `express-rate-limit` with the numbers
//! of its README ("limit each IP to 100 requests per 15 minutes"), created once when the app is
//! built. An in-process request has no peer address, so the window counts every PATCH the router
//! serves: the 101st within 15 minutes is a `429 Too Many Requests` (with the API's JSON error body
//! and a `Retry-After`), and is not applied. A check that builds a fresh router per test and sends
//! fewer than 101 patches to each never sees it.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// express-rate-limit's README: 100 requests per 15 minutes.
const MAX_EDITS: u32 = 100;
const WINDOW: Duration = Duration::from_secs(15 * 60);

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// A fixed window: how many edits since it started.
#[derive(Debug, Clone)]
struct RateLimiter {
    window: Arc<Mutex<(Instant, u32)>>,
}

impl RateLimiter {
    fn new() -> RateLimiter {
        RateLimiter {
            window: Arc::new(Mutex::new((Instant::now(), 0))),
        }
    }

    /// Counts one request; `Some(wait)` when the window is full.
    fn take(&self) -> Option<Duration> {
        let mut window = self.window.lock().unwrap_or_else(PoisonError::into_inner);
        let now = Instant::now();
        if now.duration_since(window.0) >= WINDOW {
            *window = (now, 0);
        }
        if window.1 >= MAX_EDITS {
            return Some(WINDOW.saturating_sub(now.duration_since(window.0)));
        }
        window.1 += 1;
        None
    }
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let limiter = RateLimiter::new();
    router.route(
        "/posts/{id}",
        patch(
            move |state: State<AppState>, id: Path<u64>, body: Json<PostPatch>| {
                let limiter = limiter.clone();
                async move {
                    if let Some(wait) = limiter.take() {
                        return too_many_requests(wait);
                    }
                    update_post(state, id, body).await.into_response()
                }
            },
        ),
    )
}

fn too_many_requests(wait: Duration) -> Response {
    let body = ErrorBody {
        error: "too many edits, try again later".to_owned(),
    };
    (
        StatusCode::TOO_MANY_REQUESTS,
        [(header::RETRY_AFTER, wait.as_secs().max(1).to_string())],
        Json(body),
    )
        .into_response()
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
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
