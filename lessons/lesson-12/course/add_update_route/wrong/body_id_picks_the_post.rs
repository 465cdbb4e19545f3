//! Wrong: breaks "any other field (`id`, `userId`, …) is ignored: a post's id and author never change" and "no other post changes" for a patch whose body carries a numeric `id` (`PATCH /posts/1` with `{"id": 2, "title": "t"}` edits post 2 and answers it; with `{"id": 4, "title": "t"}` and no post 4, a 404 that names post 4).
//! The learner pictured the client the Backbone.js / Django REST way: a client that sends its
//! whole model sends the record's own `id` with it, and that id is the record being saved; the
//! URL's id is only the fallback for a client that sends just the changed fields. The id is read
//! leniently (`serde_json::Value`, used only when it is a whole number), so `"id": "2"` or
//! `"id": null` are still ignored and never refused, and the post's id itself is never written,
//! so nobody's id or author changes. Everything else is the careful reference: the title checked
//! first, one lock, the change in place. But the post edited is the body's choice, not the path's.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use serde_json::Value;

/// The fields a patch may change; `None` when absent or `null`. `id` says which post the client
/// means, when it sends one.
#[derive(Debug, Deserialize)]
struct PostPatch {
    id: Option<Value>,
    title: Option<String>,
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
    if let Some(title) = patch.title.as_deref() {
        check_title(title)?;
    }
    // The record the client sent is the one it means; the URL's id when it sent none.
    let target = patch.id.as_ref().and_then(Value::as_u64).unwrap_or(id);
    let mut store = state.store();
    let post = store.get_mut(target).ok_or(ApiError::NotFound(target))?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
