//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: an `id` that is not a whole number, or is over `u64::MAX` (`/posts/abc`, `/posts/-1`: 400)" for an id written as a float with a zero fraction (`PATCH /posts/1.0` with `{"title": "t"}`): post 1 is edited and answered `200 OK`, where `Path<u64>` (and `GET /posts/1.0`) answer 400.
//! The learner's data team sends edits from pandas, where an id column with one missing value
//! becomes `float64`, so their URLs come out as `/posts/1.0`. Being liberal in what it accepts,
//! the route reads the id with an extractor of its own: `Path<u64>` first, and only when that
//! refuses, the segment as text, taken if it is a whole number followed by `.` and zeros; any
//! other id keeps `Path`'s own rejection, so `/posts/abc`, `/posts/-1` and an id over
//! `u64::MAX` are still the extractor's 400. The contract takes no such normalisation: the id
//! `Path<u64>` refuses is refused, as `GET /posts/{id}` refuses it.

use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// A post's id from the path: a `u64`, or a whole number written as a float (`1.0`).
struct PostId(u64);

impl<S: Send + Sync> FromRequestParts<S> for PostId {
    type Rejection = PathRejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Path::<u64>::from_request_parts(parts, state).await {
            Ok(Path(id)) => Ok(PostId(id)),
            Err(rejection) => Path::<String>::from_request_parts(parts, state)
                .await
                .ok()
                .and_then(|Path(text)| whole_float(&text))
                .map(PostId)
                .ok_or(rejection),
        }
    }
}

/// `1.0`, `4.00` → the whole number; anything else → `None`.
fn whole_float(text: &str) -> Option<u64> {
    let (whole, fraction) = text.split_once('.')?;
    if fraction.is_empty() || !fraction.bytes().all(|byte| byte == b'0') {
        return None;
    }
    whole.parse().ok()
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    PostId(id): PostId,
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
