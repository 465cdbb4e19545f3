//! Wrong: breaks "the change is kept (later requests see it)" for two good patches of different fields of one post whose bodies are both complete and that are handled at the same time (`PATCH /posts/1` with `{"title": "a"}` and `PATCH /posts/1` with `{"body": "b"}`, sent together, e.g. joined `oneshot`s): both answer 200, but the one that writes back last puts back the other's field, so one of the two changes is lost.
//! The learner copies the post out of the store, edits the copy, writes an audit line off the
//! runtime (`spawn_blocking`, "logging is blocking I/O") and then writes the whole copy back
//! (`*slot = post`), the way an ORM's `obj = get(); obj.x = ..; await log(); save(obj)` reads.
//! Every sequential check passes: each request sees the store as the one before it left it. Two
//! patches in flight together both copy the post before either writes back, so the second write
//! puts back the old value of the field the first one changed.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct PostPatch {
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
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    // Load: a copy of the post, the lock released at the end of the statement.
    let mut post = state
        .store()
        .get(id)
        .cloned()
        .ok_or(ApiError::NotFound(id))?;
    let changed = (patch.title.is_some(), patch.body.is_some());
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    // Audit before the save, off the async threads.
    let line = format!(
        "audit: post {id} edited (title: {}, body: {})",
        changed.0, changed.1
    );
    let _ = tokio::task::spawn_blocking(move || eprintln!("{line}")).await;
    // Save: the whole post written back.
    if let Some(slot) = state.store().get_mut(id) {
        *slot = post.clone();
    }
    Ok(Json(post))
}
