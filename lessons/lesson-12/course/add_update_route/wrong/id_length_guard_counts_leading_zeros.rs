//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing" (and so "an `id` that is a whole number (a `u64`)" is post `id`) for an id written with more than 20 characters that `Path<u64>` reads as a `u64`: `PATCH /posts/0000000000000000000001` with `{"title": "t"}` is a 400 instead of an edit of post 1 (and a percent-encoded small id, `/posts/%30%30%30%30%30%30%31`)
//!
//! The learner bounds the work a request can cost before any of it is done, an input-size
//! guard of the kind a security review asks for: `u64::MAX` is 18446744073709551615, twenty
//! digits, so a path segment longer than that cannot be an id, and the route refuses it in a
//! middleware before the 16 KiB body is read, with the very answer `Path<u64>` gives for an
//! id out of range (400, "Invalid URL: Cannot parse `…` to a `u64`"), so that clients see one
//! message. The middleware sits on the `PATCH` endpoint only (`route_layer`), so the other
//! methods keep their 405. What the learner forgot: `u64::from_str` takes leading zeros (and
//! the path is percent-decoded), so a long segment can still be a small id; the chapter's
//! checks send `0004` and `+4`, four characters and two.

use axum::Json;
use axum::Router;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The digits of `u64::MAX`: no longer id can be a `u64`.
const MAX_ID_LEN: usize = 20;

/// The fields a `PATCH` may change; absent or `null` is `None`, and keeps the value.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route(
        "/posts/{id}",
        patch(update_post).route_layer(middleware::from_fn(refuse_oversized_id)),
    )
}

/// Refuses an id that is too long to be a `u64` before its body is read, with `Path`'s words.
async fn refuse_oversized_id(request: Request, next: Next) -> Response {
    let segment = request.uri().path().rsplit('/').next().unwrap_or_default();
    if segment.len() > MAX_ID_LEN {
        return (
            StatusCode::BAD_REQUEST,
            format!("Invalid URL: Cannot parse `{segment}` to a `u64`"),
        )
            .into_response();
    }
    next.run(request).await
}

/// `PATCH /posts/{id}`: every check first, then every change.
async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
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
    Ok(Json(post.clone()))
}
