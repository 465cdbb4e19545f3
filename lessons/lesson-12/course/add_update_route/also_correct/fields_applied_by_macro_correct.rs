//! Correct: the patch is applied by a small `macro_rules!` that expands to one `if let Some(..)`
//! per named field (`apply_fields!(post, patch, title, body)`), the way a learner avoids writing
//! the same three lines per field, and the handler answers an explicit `(StatusCode::OK, Json(post))`
//! tuple instead of a bare `Json`. Everything the contract asks is the reference's: `Path<u64>`
//! and `Json<PostPatch>` (last) answer their own refusals, the title is checked with
//! `check_title` before anything changes, the store is locked once, the post is changed in place
//! and the answer is a clone of it taken under that same lock.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change; `None` when absent or `null`. Other fields are ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Sets each named field of `$post` that `$patch` carries (`Some`), and leaves the others.
macro_rules! apply_fields {
    ($post:expr, $patch:expr, $($field:ident),+ $(,)?) => {
        $(
            if let Some(value) = $patch.$field {
                $post.$field = value;
            }
        )+
    };
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<(StatusCode, Json<Post>), ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    apply_fields!(post, patch, title, body);
    Ok((StatusCode::OK, Json(post.clone())))
}
