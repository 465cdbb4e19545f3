//! Wrong: breaks "JSON of another shape (`{"title": 5}`, `[]`: 422)"
//! The patch struct carries `#[serde(default)]` (with `#[derive(Default)]`), which the learner
//! adds "so that an absent field is `None`" (redundant for `Option` fields). Objects behave
//! exactly as the contract says, and `{"title": 5}` is still a 422. But serde's derived
//! `Deserialize` also reads a struct from a JSON array, and with a container default a missing
//! element is no longer an error: `[]` becomes `PostPatch { title: None, body: None }`, so the
//! answer is `200` with the post instead of the extractor's `422`.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a `PATCH` may change; an absent one defaults to `None`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
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
