//! Correct: the method router is built on its own (`MethodRouter::new().patch(..)`) and added with
//! `route`, which merges it with the path's `GET`; the handler takes `Path` before `State`, checks
//! the title with `Option::iter().try_for_each(..)`, and writes both fields through one loop over
//! `(slot, value)` pairs, so a field that is `None` leaves its slot alone.

use axum::extract::{Path, State};
use axum::routing::MethodRouter;
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
    let edit: MethodRouter<AppState> = MethodRouter::new().patch(update_post);
    router.route("/posts/{id}", edit)
}

async fn update_post(
    Path(id): Path<u64>,
    State(state): State<AppState>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    patch
        .title
        .iter()
        .try_for_each(|title| check_title(title))?;
    let PostPatch { title, body } = patch;
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    for (slot, value) in [(&mut post.title, title), (&mut post.body, body)] {
        if let Some(value) = value {
            *slot = value;
        }
    }
    Ok(Json(post.clone()))
}
