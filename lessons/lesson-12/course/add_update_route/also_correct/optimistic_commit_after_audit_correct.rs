//! Correct: the edit is made on a copy, an audit line is awaited (written off the runtime), and the copy is committed only if the post is still the one it was copied from, else the whole edit starts again (compare-and-set, the control for `snapshot_written_back_after_audit_await.rs`).
//! The learner keeps the ORM's "load, change, log, save" shape but saves the way a database
//! with optimistic locking does: under one lock, compare the stored post with the copy it
//! started from, write only if they are equal, and retry otherwise. A patch handled at the same
//! time can no longer be overwritten, each answer is the post right after its own change (the
//! value committed), a blank title or a missing post is refused before anything changes, and
//! the only extra is a second audit line when a retry happens.

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
    loop {
        let before = state
            .store()
            .get(id)
            .cloned()
            .ok_or(ApiError::NotFound(id))?;
        let mut after = before.clone();
        if let Some(title) = &patch.title {
            after.title.clone_from(title);
        }
        if let Some(body) = &patch.body {
            after.body.clone_from(body);
        }
        let line = format!(
            "audit: post {id} edited (title: {}, body: {})",
            patch.title.is_some(),
            patch.body.is_some()
        );
        let _ = tokio::task::spawn_blocking(move || eprintln!("{line}")).await;
        let committed = {
            let mut store = state.store();
            let slot = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
            if *slot == before {
                *slot = after.clone();
                true
            } else {
                false
            }
        };
        if committed {
            return Ok(Json(after));
        }
        // Another edit came in between: start again from what is stored now.
    }
}
