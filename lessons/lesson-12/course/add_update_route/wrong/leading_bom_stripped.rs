//! Wrong: breaks "a `title` that is empty or only white space (any Unicode white space, as `str::trim` sees it): `422`" and "the answer: `200 OK` with the whole post after the change" (the post holds what the client sent)
//! The learner was bitten by Python scripts that read a title or a body from a UTF-8 file saved by
//! Notepad or Excel: `open(path).read()` keeps the byte-order mark, so the text starts with an
//! invisible U+FEFF that breaks sorting and equality. So the patch's strings lose a leading BOM
//! before anything else; nothing else is touched (a zero-width space, U+200B, stays, as the
//! chapter's checks want). A title `"\u{feff}"` (not blank for `str::trim`) is refused as blank,
//! and `"\u{feff}Hello"` is stored as `"Hello"`.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The byte-order mark a file read without `utf-8-sig` leaves at the start of its text.
const BOM: char = '\u{feff}';

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

/// `text` without the byte-order mark an editor may have left in front of it.
fn without_bom(text: String) -> String {
    match text.strip_prefix(BOM) {
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    let title = patch.title.map(without_bom);
    let body = patch.body.map(without_bom);
    if let Some(title) = &title {
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
