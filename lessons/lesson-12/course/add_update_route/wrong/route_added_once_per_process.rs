//! Wrong: breaks "`add_update_route(router)` returns `router` with one more route: `PATCH /posts/{id}`"
//! The learner once called the function twice on one router (a test helper and `main` both
//! added it) and axum panicked: "Overlapping method route. Handler for `PATCH /posts/{id}`
//! already exists". A router cannot be asked which methods a path has, so the learner makes the
//! function "idempotent" the way a Python module guards its registration (`if not _registered`):
//! a `static` flag, set by the first call, and a later call returns the router as it was. The
//! flag is the process's, not the router's: the first router built gets its PATCH, and every
//! router built after it, by a second server or a second test in the same process, answers
//! `PATCH /posts/{id}` with a 405.

use std::sync::atomic::{AtomicBool, Ordering};

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a PATCH may change; absent or `null` is `None`, and keeps its value.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Whether the route was added already: adding it twice panics.
static PATCH_ROUTE_ADDED: AtomicBool = AtomicBool::new(false);

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    if PATCH_ROUTE_ADDED.swap(true, Ordering::SeqCst) {
        // Already there: a second `patch(..)` on the path would panic.
        return router;
    }
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
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
