//! Correct: the control for `not_found_names_id_as_sent.rs`: the id is extracted twice, `Path<u64>` for the lookup (its 400 is the extractor's own) and `Path<String>` for a log line that shows the segment as the client wrote it (`/posts/0004`), but the 404 is `ApiError::NotFound(id)`, so its text names the parsed id, `no post 4`.

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
    Path(as_sent): Path<String>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let Some(post) = store.get_mut(id) else {
        eprintln!("PATCH /posts/{as_sent:?}: no post {id}");
        return Err(ApiError::NotFound(id));
    };
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
