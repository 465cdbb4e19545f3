//! Wrong: breaks "an `id` that is not a whole number (`/posts/abc`, `/posts/-1`: 400)"
//! The learner takes the id as an `i64` ("ids are BIGINTs in every database and JavaScript's
//! numbers are signed anyway") and casts it to the store's `u64`. Every real id works, but
//! `/posts/-1` is parsed, cast to 18446744073709551615 and answered 404 "no post
//! 18446744073709551615" instead of the extractor's 400, and an id over `i64::MAX` is a 400 instead
//! of a 404.

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
    Path(id): Path<i64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let id = id as u64;
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
