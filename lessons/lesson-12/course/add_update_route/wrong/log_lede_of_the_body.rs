//! Wrong: breaks "no panic, whatever the request"
//! The learner logs every edit with the body's first line, its "lede", the way its Python code did
//! with `body.splitlines()[0]`, written as the same thing in Rust. The log comes after the title
//! check and before the store is touched, so every request is answered right, except a patch that
//! empties the body, `{"body": ""}`: `"".lines()` yields nothing and the index panics (Python's
//! `"".splitlines()[0]` raises `IndexError` just the same).

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
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    if let Some(body) = &patch.body {
        let lede = body.lines().collect::<Vec<_>>()[0];
        eprintln!("PATCH /posts/{id}: new body, starting {lede:?}");
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
