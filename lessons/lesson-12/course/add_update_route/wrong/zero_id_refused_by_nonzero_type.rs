//! Wrong: breaks "an `id` that is a whole number but no post's (`/posts/4` when there is none, or `/posts/5000000000`): `404` with the body `ApiError::NotFound(id)` gives"
//! The learner makes invalid ids unrepresentable, the type-driven way: "ids start at 1", so the
//! path parameter is a `NonZeroU64`, which serde reads from the path like any integer. Every id a
//! post can have works, but `/posts/0` is now refused by the `Path` extractor with a 400 ("expected
//! a nonzero u64") where `GET /posts/0` and the contract say 404 "no post 0".

use std::num::NonZeroU64;

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change.
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
    Path(id): Path<NonZeroU64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    let id = id.get();
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
