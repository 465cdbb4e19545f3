//! Wrong: breaks "a `title` that is empty or only white space (any Unicode white space, as `str::trim` sees it): `422`"
//! The posts are also edited through the team's old Flask API, which refuses `if not title.strip()`,
//! and the learner wants both APIs to refuse the same titles, so the rule is Python's white space:
//! `char::is_whitespace` plus the four "information separators" U+001C..U+001F that Python's
//! `str.strip()`/`isspace()` count as white space and Rust does not. A title of `"\u{1f}"` is refused with a 422.

use axum::extract::{Path, State};
use axum::routing::patch;
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
    router.route("/posts/{id}", patch(update_post))
}

/// White space as Python sees it (`str.isspace`): Unicode's, plus the file, group, record and
/// unit separators, which Python's `str.strip()` removes too.
fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// The Flask API's rule, `if not title.strip(): abort(422)`, with the lesson's own error.
fn check_title_like_flask(title: &str) -> Result<(), ApiError> {
    if title.chars().all(is_python_space) {
        // the same error body as `check_title` gives for a blank title
        check_title("")
    } else {
        Ok(())
    }
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_title_like_flask(title)?;
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
