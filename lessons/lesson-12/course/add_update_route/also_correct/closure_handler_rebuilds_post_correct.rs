//! Correct: the handler is a closure written inline in `patch(..)`, as axum's README examples do,
//! with the id read as a one-element tuple (`Path<(u64,)>`), the title checked through
//! `Option::map(..).transpose()?`, and the post replaced whole (`*post = Post { .. }`, built from
//! the old one and the patch) under the one lock, answered with an explicit `StatusCode::OK`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a client may change; serde ignores the others.
#[derive(Debug, Deserialize)]
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
             Path((id,)): Path<(u64,)>,
             Json(PostPatch { title, body }): Json<PostPatch>| async move {
                title.as_deref().map(check_title).transpose()?;
                let mut store = state.store();
                let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
                let updated = Post {
                    user_id: post.user_id,
                    id: post.id,
                    title: title.unwrap_or_else(|| post.title.clone()),
                    body: body.unwrap_or_else(|| post.body.clone()),
                };
                *post = updated.clone();
                drop(store);
                Ok::<_, ApiError>((StatusCode::OK, Json(updated)))
            },
        ),
    )
}
