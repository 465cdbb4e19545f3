//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept" for a good patch that carries a `Content-Range` header (`Content-Range: bytes 0-16/17` beside `{"title": "t"}`, as resumable-upload clients send): 400 and no change
//!
//! RFC 9110 §14.5: "an origin server that allows PUT on a given target resource MUST send a 400
//! (Bad Request) response to a PUT request that contains a Content-Range header field", since
//! a server that ignored it would store a fragment as if it were the whole. The learner applies
//! the same caution to `PATCH` ("a partial body must never be taken for a whole patch") and
//! refuses any patch that names a range, after the extractors have had their say, so their
//! answers are unchanged. But the contract's refusals are only the extractors', a missing post
//! and a blank title: a good patch is applied whatever other headers come with it.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use serde::Deserialize;

/// The fields a `PATCH` may change; `None` keeps the post's value.
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
    headers: HeaderMap,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    if headers.contains_key(header::CONTENT_RANGE) {
        let refusal = ErrorBody {
            error: "a patch is a whole document: Content-Range is not supported".to_owned(),
        };
        return Ok((StatusCode::BAD_REQUEST, Json(refusal)).into_response());
    }
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()).into_response())
}
