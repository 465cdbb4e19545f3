//! Wrong: breaks "an `id` that is a whole number (a `u64`) but no post's (`/posts/4` when there is none, or `/posts/5000000000`): `404` with the body `ApiError::NotFound(id)` gives" for such an id sent with an `If-Match` header (`PATCH /posts/4` with `If-Match: *` and `{"title": "t"}`: answered 412)
//!
//! The learner reads RFC 9110 §13.1.1 while adding the edit route: `If-Match` is how a client
//! says "only if the post is still there" (`*`) or "only if it is still this version" (a tag),
//! and with no current representation the condition is false whatever it names, which
//! §13.2.2 answers with `412 Precondition Failed`. The API has no entity tags, so for a post
//! that exists every `If-Match` is let through (an edit that cannot be checked is applied, the
//! way the lesson's GET ignores conditional headers); only for a post that is not there does
//! the header change the answer, 412 instead of 404, "as the RFC orders". The checks send
//! `If-Match` beside a good patch of a post that exists, which is applied and answered 200;
//! the contract's missing post is a 404 whatever headers come with it.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use serde::Deserialize;

/// The fields a `PATCH` may change; absent or `null` is `None`, and keeps the value.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// `PATCH /posts/{id}`: every check first, then every change.
async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    headers: HeaderMap,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let Some(post) = store.get_mut(id) else {
        if headers.contains_key(header::IF_MATCH) {
            // RFC 9110 §13.1.1: no current representation, so no `If-Match` can be true.
            let error = ErrorBody {
                error: format!("precondition failed: no post {id}"),
            };
            return Ok((StatusCode::PRECONDITION_FAILED, Json(error)).into_response());
        }
        return Err(ApiError::NotFound(id));
    };
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()).into_response())
}
