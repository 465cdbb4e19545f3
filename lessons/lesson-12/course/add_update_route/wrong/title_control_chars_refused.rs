//! Wrong: breaks "a `title` that is empty or only white space (any Unicode white space, as `str::trim` sees it): `422`" (no other title is refused: the answer is `200 OK` with the post after the change)
//! The learner has read about terminal escape injection (CWE-150): titles end up in log lines and
//! in the lesson's own tour output, and an `ESC [` sequence in one can rewrite a terminal. A title
//! is "one line of text a person typed", so after `check_title` it refuses control characters, but,
//! being careful, lets white space through (`!c.is_whitespace()`), so a title with a line break or
//! a tab still works, and the body is free text, NUL and all. A title with `\u{1b}[31m`, a NUL or a
//! DEL in it is refused with a 422.

use axum::extract::{Path, State};
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
    router.route("/posts/{id}", patch(update_post))
}

/// The API's rule, plus: no terminal control codes in a title (white space is fine).
fn check_new_title(title: &str) -> Result<(), ApiError> {
    check_title(title)?;
    if title.chars().any(|c| c.is_control() && !c.is_whitespace()) {
        return Err(ApiError::Invalid(
            "a post's title cannot contain control characters",
        ));
    }
    Ok(())
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_new_title(title)?;
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
