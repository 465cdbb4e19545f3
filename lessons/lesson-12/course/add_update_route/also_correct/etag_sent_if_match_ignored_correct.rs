//! Correct: the control for `if_match_etag_precondition_412.rs`: the same strong `ETag` (a hash of every field of the post after the edit) is sent with each `200` answer, as an extra header, for clients that cache, but no request header is ever read: `If-Match` and every other precondition are ignored, so a patch with a good body is applied and answered `200` whatever comes with it; the answer's status and JSON body are the reference's, and the extra header is allowed (the contract names the status and the body, not every header).

use std::hash::{DefaultHasher, Hash, Hasher};

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
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

/// `PATCH /posts/{id}`: every check first, then every change; the answer carries the new tag.
async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
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
    let mut response = Json(post.clone()).into_response();
    if let Ok(value) = HeaderValue::from_str(&etag(post)) {
        response.headers_mut().insert(header::ETAG, value);
    }
    Ok(response)
}
