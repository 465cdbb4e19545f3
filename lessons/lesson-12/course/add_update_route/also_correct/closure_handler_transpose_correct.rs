//! Correct: the handler is a closure written inside `patch(..)` (Express's inline `app.patch(path,
//! (req, res) => ..)` habit), the title checked with `as_deref().map(check_title).transpose()?`,
//! and the two fields applied in one loop over `(slot, value)` pairs, all under the one lock.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route(
        "/posts/{id}",
        patch(
            |State(state): State<AppState>,
             Path(id): Path<u64>,
             Json(edit): Json<PostPatch>| async move {
                edit.title.as_deref().map(check_title).transpose()?;
                let mut store = state.store();
                let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
                for (slot, value) in [(&mut post.title, edit.title), (&mut post.body, edit.body)] {
                    if let Some(value) = value {
                        *slot = value;
                    }
                }
                Ok::<_, ApiError>(Json(post.clone()))
            },
        ),
    )
}
