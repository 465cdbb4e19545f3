//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept"
//! The learner notices that `Store::add` only ever hands out one more than the highest id and that
//! nothing deletes a post, so a gap below the highest id (no post 4 among 1, 2, 3, 5) can never be
//! filled: it is remembered, like a DNS negative cache, and the next PATCH for it is a 404 without
//! taking the store's lock. Right for one store, but the set is a `static`, so it is the whole
//! process's: a later server whose store does have post 4 (the lesson's own `sample_posts`) answers
//! 404 to `PATCH /posts/4` and never edits it.

use std::collections::BTreeSet;
use std::sync::{LazyLock, Mutex, PoisonError};

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Ids below the highest that no post has: no post can ever take them.
static GAPS: LazyLock<Mutex<BTreeSet<u64>>> = LazyLock::new(Default::default);

fn gaps() -> std::sync::MutexGuard<'static, BTreeSet<u64>> {
    GAPS.lock().unwrap_or_else(PoisonError::into_inner)
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
    if gaps().contains(&id) {
        return Err(ApiError::NotFound(id));
    }
    let mut store = state.store();
    if store.get(id).is_none() {
        // Above the highest id, a `POST` may still make it; below, it is a gap for good.
        let highest = store.all().map(|post| post.id).max();
        if highest.is_some_and(|highest| id < highest) {
            gaps().insert(id);
        }
        return Err(ApiError::NotFound(id));
    }
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
