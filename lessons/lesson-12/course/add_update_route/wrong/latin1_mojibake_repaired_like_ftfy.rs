//! Wrong: breaks "the body is a JSON object with any of `title` and `body`, each a string [...] the answer: `200 OK` with the whole post after the change" (the text is stored as sent)
//! The learner once cleaned up an archive full of `donâ\u{80}\u{99}t` (UTF-8 read as Latin-1 by an
//! old client) and now runs Python's ftfy habit on the way in: text whose characters all fit in a
//! byte and that holds a C1 control (U+0080..U+009F, which no one types) is re-encoded as Latin-1,
//! and when those bytes are valid UTF-8 that text is kept instead, before the title is checked.
//! ESC, DEL, NUL, accents, emoji and white space never trigger it; a title such as
//! `"don\u00e2\u0080\u0099t"` is stored as `don’t`, not as sent.

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

/// ftfy's `fix_encoding`, for its commonest case: UTF-8 that was decoded as Latin-1.
fn fix_mojibake(text: String) -> String {
    if !text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)) {
        return text;
    }
    let bytes: Option<Vec<u8>> = text.chars().map(|c| u8::try_from(c).ok()).collect();
    match bytes.map(String::from_utf8) {
        Some(Ok(fixed)) => fixed,
        _ => text,
    }
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    let title = patch.title.map(fix_mojibake);
    let body = patch.body.map(fix_mojibake);
    if let Some(title) = title.as_deref() {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = title {
        post.title = title;
    }
    if let Some(body) = body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
