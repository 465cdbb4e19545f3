//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: ... no `Content-Type: application/json` (415)"
//! The learner wants the body's errors in the API's own `{"error": ..}` shape and takes the body as
//! `Result<Json<_>, JsonRejection>`, the way axum's "customize extractor error" example does: a
//! JSON of the wrong shape stays a 422 ("as the API does for values"), and every other refusal is
//! "a bad request", 400, as Flask's `request.get_json()` answered for years. A patch sent without
//! `Content-Type: application/json` is a 400 instead of the extractor's 415 (and a body over the
//! app's limit with no `Content-Length`, which the extractor refuses with a 413, is a 400 too).

use axum::Json;
use axum::Router;
use axum::extract::rejection::JsonRejection;
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

/// The API's error body, with a status.
fn error(status: StatusCode, text: String) -> Response {
    (status, Json(ErrorBody { error: text })).into_response()
}

/// `PATCH /posts/{id}`.
async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    payload: Result<Json<PostPatch>, JsonRejection>,
) -> Result<Json<Post>, Response> {
    let patch = match payload {
        Ok(Json(patch)) => patch,
        // Valid JSON, wrong shape: the values are wrong, as for a blank title.
        Err(JsonRejection::JsonDataError(err)) => {
            return Err(error(StatusCode::UNPROCESSABLE_ENTITY, err.body_text()));
        }
        // Anything else the client got wrong about its body.
        Err(other) => return Err(error(StatusCode::BAD_REQUEST, other.body_text())),
    };
    if let Some(title) = &patch.title {
        check_title(title).map_err(IntoResponse::into_response)?;
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
