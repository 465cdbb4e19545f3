//! Correct: the blank-title rule is written as `split_whitespace().next().is_none()` (no word at
//! all), which is exactly `trim().is_empty()`: both use `char::is_whitespace`, so the same titles
//! are refused (U+0085 and U+3000 included, U+200B, U+FEFF and U+001F not), with `check_title`'s
//! own message; the answer is an explicit `(StatusCode::OK, Json(post))`, and the post is found
//! with a `match` instead of `ok_or`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// A title with no word in it: empty, or only white space as `str::trim` sees it.
fn is_blank(title: &str) -> bool {
    title.split_whitespace().next().is_none()
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<(StatusCode, Json<Post>), ApiError> {
    if patch.title.as_deref().is_some_and(is_blank) {
        return Err(ApiError::Invalid("a post's title cannot be empty"));
    }
    let mut store = state.store();
    let post = match store.get_mut(id) {
        Some(post) => post,
        None => return Err(ApiError::NotFound(id)),
    };
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok((StatusCode::OK, Json(post.clone())))
}
