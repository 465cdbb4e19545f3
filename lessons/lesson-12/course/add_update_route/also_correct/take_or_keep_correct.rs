//! Correct: the title is checked with a stand-in when none is sent
//! (`check_title(patch.title.as_deref().unwrap_or("unchanged"))`, which passes, so only a sent
//! title can refuse), and each field is rewritten unconditionally: the sent value, or the old
//! one taken out with `std::mem::take` and put back. The lock is taken in a block whose value is
//! the answer, so it is released before the response is built.

use std::mem;

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
    check_title(patch.title.as_deref().unwrap_or("unchanged"))?;
    let answer = {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        post.title = patch.title.unwrap_or_else(|| mem::take(&mut post.title));
        post.body = patch.body.unwrap_or_else(|| mem::take(&mut post.body));
        post.clone()
    };
    Ok(Json(answer))
}
