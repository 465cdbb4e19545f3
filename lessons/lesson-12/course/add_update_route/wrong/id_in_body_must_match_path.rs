//! Wrong: breaks "any other field (`id`, `userId`, …) is ignored: a post's id and author never change"
//! An engineer with an ASP.NET / Spring habit ("if (id != post.Id) return BadRequest()") refuses a
//! body whose `id` is not the path's, with the API's own 422: a client that sends the whole post
//! back (same id) passes, and no id ever changes, so it feels like the contract's "id never
//! changes", made strict. But the contract says the field is ignored: `{"id": 99, "title": "x"}` on
//! `/posts/1` must edit post 1 and answer 200.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
    /// Only read to make sure the client edits the post it means to; any JSON, so that a client
    /// that sends it as text is told so rather than refused by the extractor.
    id: Option<Value>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(changes): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if changes
        .id
        .as_ref()
        .is_some_and(|sent| sent.as_u64() != Some(id))
    {
        return Err(ApiError::Invalid("the id in the body is not the post's id"));
    }
    if let Some(title) = &changes.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = changes.title {
        post.title = title;
    }
    if let Some(body) = changes.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
