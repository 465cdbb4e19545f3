//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept" for a good patch sent with an `If-Match` header that does not name the post's current entity tag (`If-Match: "0123456789abcdef"`, an ETag from before another edit, or any weak `W/"…"` tag): 412 and no change
//!
//! Optimistic concurrency, the way RFC 9110 §13.1.1 and every "lost update" article describe
//! it: the answer carries an `ETag` (a hash of the post as it is after the edit), and a client
//! that sends `If-Match` with a tag that is no longer current gets `412 Precondition Failed`
//! instead of overwriting an edit it never saw. `If-Match: *` and no `If-Match` at all go
//! through, and weak tags never match (strong comparison, as the RFC asks for `If-Match`).
//! The contract has no preconditions: a good patch is applied whatever headers come with it.

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

/// A strong entity tag for the post as it is: a hash of every field, quoted.
fn entity_tag(post: &Post) -> String {
    let mut hasher = DefaultHasher::new();
    post.user_id.hash(&mut hasher);
    post.id.hash(&mut hasher);
    post.title.hash(&mut hasher);
    post.body.hash(&mut hasher);
    format!("\"{:016x}\"", hasher.finish())
}

/// RFC 9110 §13.1.1: no `If-Match` passes; `*` matches any current post; otherwise one of the
/// listed tags must be the current one, compared strongly.
fn if_match_passes(headers: &HeaderMap, current: &str) -> bool {
    let mut values = headers.get_all(header::IF_MATCH).iter().peekable();
    if values.peek().is_none() {
        return true;
    }
    values.any(|value| {
        value.to_str().is_ok_and(|list| {
            list.split(',')
                .map(str::trim)
                .any(|tag| tag == "*" || tag == current)
        })
    })
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    headers: HeaderMap,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let (answer, tag) = {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        if !if_match_passes(&headers, &entity_tag(post)) {
            let refusal = ErrorBody {
                error: format!("post {id} has changed since you read it"),
            };
            return Ok((StatusCode::PRECONDITION_FAILED, Json(refusal)).into_response());
        }
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
        (post.clone(), entity_tag(post))
    };
    let mut response = Json(answer).into_response();
    if let Ok(value) = HeaderValue::from_str(&tag) {
        response.headers_mut().insert(header::ETAG, value);
    }
    Ok(response)
}
