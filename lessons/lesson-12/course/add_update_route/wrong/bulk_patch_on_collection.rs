//! Wrong: breaks "every route `router` already has keeps working as before"
//! The learner adds the batch edit every admin screen ends up needing, the way many REST APIs
//! do it (a `PATCH` on the collection with a list of `{"id": …, "title": …}`): checked whole
//! first, then applied under one lock, so it is all or nothing. `PATCH /posts/{id}` is exactly
//! right; but `PATCH /posts`, a 405 of the existing `/posts` route before (like the `DELETE
//! /posts` and `OPTIONS /posts` the checks send), now edits posts.

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

/// One item of a batch: which post, and its patch.
#[derive(Deserialize)]
struct BatchItem {
    id: u64,
    #[serde(flatten)]
    patch: PostPatch,
}

/// Returns `router` with `PATCH /posts/{id}` added (and the batch `PATCH /posts`).
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router
        .route("/posts", patch(update_posts))
        .route("/posts/{id}", patch(update_post))
}

fn check(patch: &PostPatch) -> Result<(), ApiError> {
    match &patch.title {
        Some(title) => check_title(title),
        None => Ok(()),
    }
}

fn apply(post: &mut Post, patch: PostPatch) {
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    check(&patch)?;
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    apply(post, patch);
    Ok(Json(post.clone()))
}

/// `PATCH /posts` with `[{"id": 1, "title": "…"}, …]`: all or nothing.
async fn update_posts(
    State(state): State<AppState>,
    Json(items): Json<Vec<BatchItem>>,
) -> Result<Json<Vec<Post>>, ApiError> {
    for item in &items {
        check(&item.patch)?;
    }
    let mut store = state.store();
    if let Some(missing) = items.iter().find(|item| store.get(item.id).is_none()) {
        return Err(ApiError::NotFound(missing.id));
    }
    let mut edited = Vec::with_capacity(items.len());
    for item in items {
        if let Some(post) = store.get_mut(item.id) {
            apply(post, item.patch);
            edited.push(post.clone());
        }
    }
    Ok(Json(edited))
}
