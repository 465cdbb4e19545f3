//! Wrong: breaks "JSON of another shape (`{"title": 5}`, `[]`: 422)" (with "the body is a JSON object with any of `title` and `body`")
//! The learner wants "no patch" to be allowed and, finding that `Option<Json<T>>` is about the
//! content type, puts the `Option` inside: `Json<Option<PostPatch>>`. Objects, arrays, numbers and
//! bad JSON are answered as before, but the JSON `null` (a body of four bytes, `null`) now reads as
//! `None` and is answered 200 with the post unchanged, where it is JSON of another shape than an
//! object and must be the `Json` extractor's 422.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change.
#[derive(Debug, Default, Deserialize)]
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
    Json(patch): Json<Option<PostPatch>>,
) -> Result<Json<Post>, ApiError> {
    // A `null` patch changes nothing: answer the post as it is.
    let patch = patch.unwrap_or_default();
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
