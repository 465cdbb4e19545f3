//! Wrong: breaks "no panic, whatever the request" (on a tokio runtime that is not multi-threaded)
//! The learner read the blog posts that say "never block the async executor: a std `Mutex` in a
//! handler blocks a worker thread; wrap blocking sections in `tokio::task::block_in_place`", and
//! puts the lock and the edit inside it. Under the lesson's `main` (a multi-threaded runtime) every
//! request is right. But `block_in_place` panics on a current-thread runtime (the default of
//! `#[tokio::test]` and of `#[tokio::main(flavor = "current_thread")]`): there, every PATCH that
//! gets past the extractors kills its connection instead of being answered.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
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
    // Taking a std lock may block: tell tokio, so that it moves the other tasks off this thread.
    let post = tokio::task::block_in_place(move || {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
        Ok::<Post, ApiError>(post.clone())
    })?;
    Ok(Json(post))
}
