//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept (later requests see it)" for a good patch of a post that exists, sent with `If-None-Match: *` (answered `412 Precondition Failed`, nothing changed)
//!
//! The learner implements the one HTTP precondition a server without entity tags can still
//! evaluate, by the book: RFC 9110 §13.1.2 says `If-None-Match: *` is false when the target
//! has a current representation, and that a state-changing method whose precondition is
//! false is answered 412 (§13.2.2: "the origin server MUST NOT perform the requested method").
//! Clients send it to mean "only if it does not exist yet" (create-only uploads, WebDAV, S3's
//! conditional writes). So a patch of an existing post that carries `If-None-Match: *` is
//! refused, and any other `If-None-Match` (a list of tags) is ignored, since no post has one.
//! Correct HTTP, but the contract applies every good patch of a post that is there: the only
//! refusals are a missing post, a blank title and what the extractors refuse. The checks send
//! `If-Match`, `Content-Range` and `Idempotency-Key` with a patch, not `If-None-Match`.

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

/// Whether the request says "only if there is no such post": `If-None-Match: *`.
fn wants_no_current_post(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|tag| tag.trim() == "*")
}

/// `PATCH /posts/{id}`: every check first (the precondition last, as RFC 9110 orders them),
/// then every change.
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
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if wants_no_current_post(&headers) {
        let error = ErrorBody {
            error: format!("precondition failed: post {id} exists"),
        };
        return Ok((StatusCode::PRECONDITION_FAILED, Json(error)).into_response());
    }
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()).into_response())
}
