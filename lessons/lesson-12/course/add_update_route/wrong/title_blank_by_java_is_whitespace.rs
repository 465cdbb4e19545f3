//! Wrong: breaks "a `title` that is empty or only white space (any Unicode white space, as `str::trim` sees it): `422`"
//! The posts are also edited by the team's Java admin tool, which refuses `title.isBlank()`, and
//! the learner wants both to agree character for character, so the rule is written out with
//! Java's `Character.isWhitespace` (the same 422 and message as `check_title`). Java leaves out
//! the no-break spaces (U+00A0, U+2007, U+202F) and NEL (U+0085), and counts the four ASCII
//! separators U+001C..U+001F: a title of a lone no-break space (what macOS's Option-Space
//! types) is stored, and a title of a lone U+001F, which is not white space, is refused.

use axum::extract::{Path, State};
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

/// `java.lang.Character.isWhitespace`: a Unicode space, line or paragraph separator that is not
/// a no-break space, or one of `\t \n \u000B \f \r \u001C \u001D \u001E \u001F`.
fn java_is_whitespace(c: char) -> bool {
    match c {
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{0085}' => false,
        '\u{001C}'..='\u{001F}' => true,
        c => c.is_whitespace(),
    }
}

/// Java's `String.isBlank()`, so that this API and the admin tool refuse the same titles.
fn check_title_like_java(title: &str) -> Result<(), ApiError> {
    if title.chars().all(java_is_whitespace) {
        Err(ApiError::Invalid("a post's title cannot be empty"))
    } else {
        Ok(())
    }
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(changes): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &changes.title {
        check_title_like_java(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = changes.title {
        post.title = title;
    }
    if let Some(body) = changes.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
