//! Wrong: breaks "a `title` that is empty or only white space ...: `422`" (only a title that is
//! sent is checked: "a field that is absent or `null` keeps its value") The learner validates the
//! post as it would be after the change ("validate the resulting object, like a pydantic model
//! after `model_copy(update=...)`"), under the one lock, before writing it back. For every post
//! `POST /posts` could have made this is the same thing; but a post already in the store with a
//! blank title (the store is built by `AppState::new` from any posts) can no longer have its body
//! patched: `{"body": "x"}` is a 422 instead of a 200.

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

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    let mut changed = post.clone();
    if let Some(title) = patch.title {
        changed.title = title;
    }
    if let Some(body) = patch.body {
        changed.body = body;
    }
    // The post as it will be must be a valid post.
    check_title(&changed.title)?;
    *post = changed.clone();
    Ok(Json(changed))
}
