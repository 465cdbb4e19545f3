//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: an `id` that is not a whole number [...] (`/posts/abc`, `/posts/-1`: 400)" for a slugged id, `PATCH /posts/1-hello-world` with `{"title": "t"}`: post 1 is edited and the answer is `200 OK` (or, with no post 1, a 404), where `Path<u64>` answers 400 and nothing changes.
//! Rails' habit: a post's URL is `/posts/1-hello-world` (`to_param` with a slug), and
//! `Post.find(params[:id])` reads it as post 1 because `"1-hello-world".to_i == 1`. The learner
//! wants links copied from the blog's pages to keep working, so the id is read by an extractor
//! of their own: `Path<u64>` first, and when that refuses, a segment made of digits, a hyphen
//! and a slug is read as its digits. Anything else (`abc`, `-1`, `1.5`, `0x4`, a number over
//! `u64::MAX`) keeps `Path`'s own rejection, before the body is read, as the reference does.

use axum::Json;
use axum::Router;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// The post's id: a `u64`, or the digits before a slug (`1-hello-world`).
struct PostId(u64);

impl<S: Send + Sync> FromRequestParts<S> for PostId {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Path::<u64>::from_request_parts(parts, state).await {
            Ok(Path(id)) => Ok(PostId(id)),
            Err(rejection) => {
                let slugged = Path::<String>::from_request_parts(parts, state)
                    .await
                    .ok()
                    .and_then(|Path(segment)| id_before_slug(&segment));
                match slugged {
                    Some(id) => Ok(PostId(id)),
                    None => Err(rejection.into_response()),
                }
            }
        }
    }
}

/// `1-hello-world` → 1: digits, a hyphen, and a slug that is not empty.
fn id_before_slug(segment: &str) -> Option<u64> {
    let (digits, slug) = segment.split_once('-')?;
    if digits.is_empty() || slug.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
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
