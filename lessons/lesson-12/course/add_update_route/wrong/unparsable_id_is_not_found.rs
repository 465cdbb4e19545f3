//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: an `id` that is not a whole number, or is over `u64::MAX` (`/posts/abc`, `/posts/-1`: 400)"
//! The learner comes from actix-web, whose `web::Path` answers 404 when a segment does not parse
//! (its default `PathConfig` error handler), and from warp, where `path!("posts" / u64)` simply
//! does not match `/posts/abc`: "a path that names no post is not found". They take the id as
//! `Result<Path<u64>, PathRejection>` and turn a rejection into the same bare 404 the app's
//! fallback gives an unknown path, so `PATCH /posts/abc` or `/posts/-1` is a 404 instead of a 400.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
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

async fn update_post(
    State(state): State<AppState>,
    id: Result<Path<u64>, PathRejection>,
    Json(patch): Json<PostPatch>,
) -> Response {
    // actix: a path that does not deserialize is a resource that is not there.
    let Ok(Path(id)) = id else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if let Some(title) = &patch.title {
        if let Err(err) = check_title(title) {
            return err.into_response();
        }
    }
    let mut store = state.store();
    let Some(post) = store.get_mut(id) else {
        return ApiError::NotFound(id).into_response();
    };
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Json(post.clone()).into_response()
}
