//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: an `id` that is not a whole number, or is over `u64::MAX` (`/posts/abc`, `/posts/-1`: 400)"
//! The learner's editors paste post links out of e-mails and spreadsheets, which come with a stray
//! space or line break (`/posts/3%20`, `/posts/%0A3`), and Python's `int(" 3 ")` and JavaScript's
//! `Number(" 3 ")` both take those, so the id is read by a small extractor of its own (`Path<String>`,
//! trimmed, then `parse::<u64>`), answering 400 like `Path<u64>` when it still is not a number.
//! Every id the chapter names behaves as `Path<u64>` does (`0004` and `+4` parse the same way, `abc`
//! and `-1` are 400, `5000000000` is a 404); `/posts/%204` or `/posts/4%0A` edits post 4 instead of
//! being refused with a 400.

use axum::extract::{FromRequestParts, Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change; anything else in the body is ignored by serde.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// A post id from the path, forgiving the white space that pasted links bring along.
struct PostId(u64);

impl<S> FromRequestParts<S> for PostId
where
    S: Send + Sync,
{
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        match raw.trim().parse::<u64>() {
            Ok(id) => Ok(PostId(id)),
            Err(_) => Err((
                StatusCode::BAD_REQUEST,
                format!("Invalid URL: Cannot parse `{raw}` to a `u64`"),
            )
                .into_response()),
        }
    }
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
