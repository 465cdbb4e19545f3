//! Correct, written another way: `on(MethodFilter::PATCH, ..)` as the method router, the handler
//! returns a plain `Response` with early returns instead of `?`, the title checked with
//! `Option::map(..).transpose()`, the post found once with `let .. else`, and the `Path`
//! extractor before the `State` one.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodFilter, on};
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

/// The fields a `PATCH` may change: an absent or `null` one is `None`, any other is ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", on(MethodFilter::PATCH, update_post))
}

async fn update_post(
    Path(id): Path<u64>,
    State(state): State<AppState>,
    Json(patch): Json<PostPatch>,
) -> Response {
    if let Err(error) = patch.title.as_deref().map(check_title).transpose() {
        return error.into_response();
    }
    let mut store = state.store();
    let Some(post) = store.get_mut(id) else {
        return ApiError::NotFound(id).into_response();
    };
    let PostPatch { title, body } = patch;
    if let Some(title) = title {
        post.title = title;
    }
    if let Some(body) = body {
        post.body = body;
    }
    Json(post.clone()).into_response()
}
