//! Correct: the control for `if_match_stale_etag_answers_412.rs`: the answer carries an `ETag` (a hash of the post as it is after the edit) and `Cache-Control: no-store`, but no precondition is ever read or enforced (`If-Match` is ignored), so every good patch is applied and answered `200 OK` with the post, whatever headers come with it
//!
//! The learner added the entity tag so that clients can start storing it ("we will turn
//! `If-Match` on when `GET` sends tags too"), and `no-store` so that no proxy keeps an edit's
//! answer; extra headers on an answer that is otherwise the reference's. The body, the status
//! and the store after each request are the reference's. A strict check that compares the
//! whole header map of the answer with the reference's might reject it.

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

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let answer = {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
        post.clone()
    };
    let tag = entity_tag(&answer);
    let mut response = Json(answer).into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&tag) {
        headers.insert(header::ETAG, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}
