//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing"
//! The learner writes the view the way Django REST framework's `UpdateModelMixin.update` does it:
//! `instance = self.get_object()` first (a 404 for a missing post), and only then the serializer
//! reads and validates `request.data` (which DRF parses lazily). So the body is taken as
//! `Result<Json<_>, JsonRejection>` and its refusal is answered only once the post is found:
//! "no need to complain about the body of a post that does not exist". Every request for a post
//! that exists, and every good patch of a missing one, is answered right; a missing id with a body
//! the `Json` extractor refuses gets a 404 instead of the extractor's 400, 415 or 422.

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
    // get_object(): the post first, as DRF does.
    if state.store().get(id).is_none() {
        return ApiError::NotFound(id).into_response();
    }
    // serializer.is_valid(raise_exception=True): then the body.
    let Json(patch) = match patch {
        Ok(patch) => patch,
        Err(rejection) => return rejection.into_response(),
    };
    if let Some(title) = patch.title.as_deref() {
        if let Err(error) = check_title(title) {
            return error.into_response();
        }
    }
    // perform_update(): one lock, the post changed in place.
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
