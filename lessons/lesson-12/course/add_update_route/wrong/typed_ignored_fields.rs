//! Wrong: breaks "any other field (`id`, `userId`, …) is ignored"
//! The learner writes the patch as "the post with every field optional" (pydantic's
//! `class PostPatch(BaseModel): id: int | None = None; userId: int | None = None; ...`), so the
//! struct documents the whole shape, and then applies only `title` and `body`: the id and the
//! author never change. But serde still checks the types of the fields the struct names: a patch
//! that carries `"userId": "alice"`, `"id": -1` or `"id": "7"` next to a good title is a 422
//! from the `Json` extractor instead of a patch whose extra fields are ignored. With numbers in
//! `id` and `userId` (the post sent back as `GET` showed it) everything is right.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// A post, every field optional: what a client may send back.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)] // `id` and `user_id` are read, never applied: they cannot change
struct PostPatch {
    id: Option<u64>,
    user_id: Option<u64>,
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
