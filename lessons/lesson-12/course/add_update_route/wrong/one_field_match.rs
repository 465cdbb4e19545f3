//! Wrong: breaks "the body is a JSON object with any of `title` and `body`, each a string; a field that is absent or `null` keeps its value" (with both sent, both change)
//! The learner reads the patch with one exhaustive-looking `match` on the pair of fields, "a PATCH
//! changes one thing", as JSONPlaceholder's guide shows with a title alone: a title wins, else a
//! body. Each field alone, neither, `null`s and every refusal are right; a patch with both a title
//! and a body changes the title and quietly keeps the old body (and answers with it).

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// `PATCH /posts/{id}`.
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
    match (patch.title, patch.body) {
        (Some(title), _) => post.title = title,
        (None, Some(body)) => post.body = body,
        (None, None) => {}
    }
    Ok(Json(post.clone()))
}
