//! Wrong: breaks "an `id` that is not a whole number [...] (`/posts/abc`, `/posts/-1`: 400)" (`/posts/1.json` edits post 1)
//! The API replaces an old Rails app whose routes all took an optional format suffix
//! (`/posts/:id(.:format)`), and the mobile client still calls `PATCH /posts/1.json`. The learner
//! reads the id with a small extractor of its own that drops a trailing `.json` and parses the
//! rest with `str::parse::<u64>`, answering anything else exactly as `Path<u64>` would (400 with
//! axum's own text). Every id the checks name behaves as before; `/posts/1.json` is a 200 and an
//! edit where the contract wants a 400 and no change.

use axum::extract::{FromRequestParts, Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// The id of `/posts/{id}`, with Rails' optional `.json` format suffix.
struct PostId(u64);

impl<S: Send + Sync> FromRequestParts<S> for PostId {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<PostId, Response> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let digits = raw.strip_suffix(".json").unwrap_or(raw.as_str());
        match digits.parse::<u64>() {
            Ok(id) => Ok(PostId(id)),
            Err(_) => {
                let text = format!("Invalid URL: Cannot parse `{raw}` to a `u64`");
                Err((StatusCode::BAD_REQUEST, text).into_response())
            }
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
