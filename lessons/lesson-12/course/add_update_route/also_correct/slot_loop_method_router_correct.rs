//! Correct: the method router is built as a named `MethodRouter::new().patch(..)` and attached
//! with one `.route`, the handler takes `Path` before `State`, checks the title with
//! `Option::iter().try_for_each(..)?`, and applies the patch with one loop over the post's two
//! editable slots (`[(&mut title, new), (&mut body, new)]`), answering a plain `Response`.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::MethodRouter;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let edit: MethodRouter<AppState> = MethodRouter::new().patch(update_post);
    router.route("/posts/{id}", edit)
}

async fn update_post(
    Path(id): Path<u64>,
    State(state): State<AppState>,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    patch
        .title
        .iter()
        .try_for_each(|title| check_title(title))?;
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    {
        let Post { title, body, .. } = &mut *post;
        for (slot, value) in [(title, patch.title), (body, patch.body)] {
            if let Some(value) = value {
                *slot = value;
            }
        }
    }
    Ok(Json(post.clone()).into_response())
}
