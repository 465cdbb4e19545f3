//! Correct: the control for `not_found_before_body_rejection.rs`: the same DRF-shaped view (the body
//! taken as `Result<Json<_>, JsonRejection>`, the handler a plain `Response` with early returns), but
//! the body's refusal is answered first, as the extractor would have answered it before any handler
//! code, and only then is the post looked up, checked and changed, all under one lock.

use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
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
    patch: Result<Json<PostPatch>, JsonRejection>,
) -> Response {
    let Json(patch) = match patch {
        Ok(patch) => patch,
        Err(rejection) => return rejection.into_response(),
    };
    if let Some(title) = patch.title.as_deref() {
        if let Err(error) = check_title(title) {
            return error.into_response();
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
