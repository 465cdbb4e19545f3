//! Correct: the patch's fields are `Option<Box<str>>`, the handler returns a plain `Response`, and
//! the answer is serialized from the post in place while the lock is held
//! (`Json(&*post).into_response()`, no clone): the guard never meets an `.await`, so the future
//! stays `Send`, and the bytes are the same `Json(post.clone())` would give.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

/// The fields a patch may change; serde ignores any other.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<Box<str>>,
    body: Option<Box<str>>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Response {
    if let Some(title) = patch.title.as_deref() {
        if let Err(error) = check_title(title) {
            return error.into_response();
        }
    }
    let mut store = state.store();
    match store.get_mut(id) {
        None => ApiError::NotFound(id).into_response(),
        Some(post) => {
            if let Some(title) = patch.title {
                post.title = title.into_string();
            }
            if let Some(body) = patch.body {
                post.body = body.into_string();
            }
            Json(&*post).into_response()
        }
    }
}
