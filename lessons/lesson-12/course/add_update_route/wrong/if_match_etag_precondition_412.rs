//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept (later requests see it)" for a good patch sent with an `If-Match` header that names no tag the post has now (`If-Match: "abc"`, or a tag from a copy of the post read before another edit)
//! The learner has read that a `PATCH` should be made safe against lost updates the HTTP way
//! (RFC 9110's conditional requests, as Django's `condition` decorator, Rails' `stale?` and
//! GitHub's API do): every answer carries an `ETag` for the post, and a patch that says
//! `If-Match` is applied only when one of its tags is the post's current one (or `*`); otherwise
//! it answers `412 Precondition Failed` and leaves the post alone. Without the header nothing
//! changes, so every patch of the common case is answered exactly as the contract says. But the
//! contract knows no preconditions: a patch with a good body is applied and answered `200`
//! whatever headers come with it.

use std::hash::{DefaultHasher, Hash, Hasher};

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a `PATCH` may change; absent or `null` is `None`, other fields are ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// A strong entity tag for the post as it is now: a hash of every field.
fn etag(post: &Post) -> String {
    let mut hasher = DefaultHasher::new();
    post.user_id.hash(&mut hasher);
    post.id.hash(&mut hasher);
    post.title.hash(&mut hasher);
    post.body.hash(&mut hasher);
    format!("\"{:016x}\"", hasher.finish())
}

/// RFC 9110 §13.1.1: no `If-Match` always holds; `*` matches any post that exists; otherwise
/// one of the listed tags must be the current one (strong comparison).
fn precondition_holds(headers: &HeaderMap, current: &str) -> bool {
    if !headers.contains_key(header::IF_MATCH) {
        return true;
    }
    headers
        .get_all(header::IF_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .any(|tag| tag == "*" || tag == current)
}

/// `PATCH /posts/{id}`: checks first (title, post, precondition), then the change.
async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    headers: HeaderMap,
    Json(patch): Json<PostPatch>,
) -> Response {
    if let Some(Err(refused)) = patch.title.as_deref().map(check_title) {
        return refused.into_response();
    }
    let mut store = state.store();
    let Some(post) = store.get_mut(id) else {
        return ApiError::NotFound(id).into_response();
    };
    if !precondition_holds(&headers, &etag(post)) {
        let body = ErrorBody {
            error: format!("post {id} has changed since you read it"),
        };
        return (StatusCode::PRECONDITION_FAILED, Json(body)).into_response();
    }
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    let tag = etag(post);
    let mut response = Json(post.clone()).into_response();
    if let Ok(value) = HeaderValue::from_str(&tag) {
        response.headers_mut().insert(header::ETAG, value);
    }
    response
}
