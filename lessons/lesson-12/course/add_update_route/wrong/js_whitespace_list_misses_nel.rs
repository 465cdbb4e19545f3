//! Wrong: breaks "a `title` that is empty or only white space (any Unicode white space, as `str::trim` sees it): `422`"
//! The site's editor is a web page whose JavaScript refuses `title.trim() === ""`, and the learner
//! copies MDN's list of the characters JavaScript's `trim` removes (tab, VT, FF, CR, LF, the space
//! separators, LS and PS), leaving out U+FEFF because the chapter says a byte-order mark is not
//! blank. JavaScript never counted U+0085 (NEXT LINE) as white space, `str::trim` does: a title of
//! `"\u{85}"` (or `" \u{85} "`) is stored and answered 200 instead of refused with a 422.

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

/// JavaScript's white space and line terminators (ECMA-262, as MDN lists them), without the BOM,
/// so that the web editor and the API agree on what a blank title is.
fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if patch
        .title
        .as_deref()
        .is_some_and(|title| title.chars().all(is_js_space))
    {
        return Err(ApiError::Invalid("a post's title cannot be empty"));
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
