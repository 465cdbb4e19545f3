//! Wrong: breaks "a `title` that is empty or only white space (any Unicode white space, as `str::trim` sees it): `422` with the body `lesson_12::check_title` gives, and the post is left exactly as it was"
//! The learner brings Rails' `validates :title, presence: true, if: :will_save_change_to_title?`: a
//! title is checked only when it changes, "so that a client that sends the whole post back, as it
//! got it, is never refused for data it did not touch". Every post in a store whose titles all say
//! something behaves right; a post whose title is already blank (`""` or `"  "`, which the store
//! may hold) patched with that same title is answered 200 instead of 422, and a body sent with it
//! is applied.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a client may change; absent or `null` is `None`, the rest is ignored.
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
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    // Validate what changes, not what the client merely echoes back.
    if let Some(title) = patch.title.as_deref() {
        if title != post.title {
            check_title(title)?;
        }
    }
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
