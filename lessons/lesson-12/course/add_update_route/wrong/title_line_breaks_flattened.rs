//! Wrong: breaks "the answer: `200 OK` with the whole post after the change" (the title stored is the one sent)
//! The learner has read the OWASP advice on log and header injection (CWE-117, CWE-93: "strip CR
//! and LF from user input") and knows a headline is one line, so the title's line breaks become
//! spaces after `check_title` passes it. Titles with `&`, `<`, quotes, non-ASCII letters or a
//! zero-width space are kept as sent; `{"title": "first line\nsecond"}` is stored and answered as
//! `"first line second"`.

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

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    let title = match patch.title {
        Some(title) => {
            check_title(&title)?;
            // A headline is one line: no CR/LF reaches the logs or a header built from it.
            Some(title.replace(['\r', '\n'], " "))
        }
        None => None,
    };
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    let updated = post.clone();
    Ok(Json(updated))
}
