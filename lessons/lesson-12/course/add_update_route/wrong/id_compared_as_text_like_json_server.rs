//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it"
//! The learner takes "JSONPlaceholder's `PATCH`, kept for real" literally and copies the course's
//! mock server, whose `Resource::find` compares ids as text ("json-server compares ids as text, so
//! `/posts/01` is a 404"): the id is read as a `u64` for the 400s, and as written, and a path whose
//! id is not written the canonical way (`/posts/01`, `/posts/+1`, `/posts/%31`) is answered
//! `ApiError::NotFound(id)`, although `Path<u64>` reads it as post 1, as `GET /posts/01` does.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change; the others are ignored.
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
    Path(written): Path<String>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    // As JSONPlaceholder finds an item: by the id exactly as written, so `01` is no post.
    if written != id.to_string() {
        return Err(ApiError::NotFound(id));
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
