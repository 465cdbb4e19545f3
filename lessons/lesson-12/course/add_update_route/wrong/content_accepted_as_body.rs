//! Wrong: breaks "any other field (`id`, `userId`, …) is ignored"
//! The learner has written clients for WordPress's REST API, where a post's text is `content`, and
//! adds `#[serde(alias = "content")]` to `body` "so that WordPress-style clients can edit posts
//! too". `id` and `userId`, numbers or text, are still ignored; `{"content": "x"}` changes the
//! post's body, and `{"body": "a", "content": "b"}` is refused with a 422 (serde's "duplicate field
//! `body`"), where both should act as a patch of the body alone.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a client may change; absent or `null` is `None`, the rest is ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    /// WordPress and many CMSs call it `content`.
    #[serde(alias = "content")]
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

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
