//! Wrong: breaks "a `title` that is empty or only white space (any Unicode white space, as `str::trim` sees it): `422` with the body `lesson_12::check_title` gives"
//! The learner comes from Django REST framework, where a serializer's validation error is a `400
//! Bad Request`, and maps `check_title`'s error to a 400, keeping its message in the API's
//! `{"error": ..}` body. The rule, the message and "nothing changes" are all right; only the status
//! is 400 instead of 422.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
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

/// `PATCH /posts/{id}`; a value the API refuses is a bad request.
async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, Response> {
    if let Some(title) = &patch.title {
        check_title(title).map_err(|err| {
            let body = ErrorBody {
                error: err.to_string(),
            };
            (StatusCode::BAD_REQUEST, Json(body)).into_response()
        })?;
    }
    let mut store = state.store();
    let post = store
        .get_mut(id)
        .ok_or_else(|| ApiError::NotFound(id).into_response())?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
