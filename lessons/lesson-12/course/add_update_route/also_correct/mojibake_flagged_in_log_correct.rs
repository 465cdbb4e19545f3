//! Correct: the control for `latin1_mojibake_repaired_like_ftfy.rs`: the same ftfy-style test
//! (every character fits in a byte, one is a C1 control, and the Latin-1 bytes are valid UTF-8) runs
//! on each sent field, but only to write a warning line to stderr with the likely repair; the data
//! is stored exactly as sent. The title is checked and the post changed under one lock, through
//! `Option::take`, with the answer built from the post in place.

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

/// What ftfy would make of `text`, if it looks like UTF-8 decoded as Latin-1.
fn likely_repair(text: &str) -> Option<String> {
    if !text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)) {
        return None;
    }
    let bytes: Option<Vec<u8>> = text.chars().map(|c| u8::try_from(c).ok()).collect();
    String::from_utf8(bytes?).ok()
}

async fn update_post(
    Path(id): Path<u64>,
    State(state): State<AppState>,
    Json(mut patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    for (name, field) in [("title", &patch.title), ("body", &patch.body)] {
        if let Some(repair) = field.as_deref().and_then(likely_repair) {
            eprintln!(
                "PATCH /posts/{id}: {name} looks like mojibake (maybe {repair:?}); kept as sent"
            );
        }
    }
    if let Some(title) = patch.title.as_deref() {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = patch.title.take() {
        post.title = title;
    }
    if let Some(body) = patch.body.take() {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
