//! Wrong: breaks "changes some fields of post `id`" / "the answer: `200 OK` with the whole post after the change" (the `body` stored and answered is not the string sent)
//! The learner knows that a browser submits a `<textarea>` with CRLF line breaks (the HTML spec
//! normalises them so) while the API's other clients send LF, and that Python's universal newlines
//! and git's `core.autocrlf` do the same cleaning: "store one kind of line break, or two edits of
//! the same text look different". So `\r\n` in a body becomes `\n`; a body with LF only, a NUL or
//! any other text is kept exactly, and the title is left alone.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// One kind of line break in stored text, whatever the client's platform.
fn normalize_newlines(text: String) -> String {
    if text.contains("\r\n") {
        text.replace("\r\n", "\n")
    } else {
        text
    }
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = normalize_newlines(body);
    }
    Ok(Json(post.clone()))
}
