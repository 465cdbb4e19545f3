//! Wrong: breaks "the body is a JSON object with any of `title` and `body`, each a string" (with "a `title`
//! that is empty or only white space [...]: `422`" as the only refusal of a value)
//! The learner has been bitten by MySQL's `utf8` (utf8mb3), which stores at most three bytes a character and
//! fails an `INSERT` with "Incorrect string value: '\xF0\x9F\x98\x80'" for every emoji; the store is going to
//! be a database, so the API refuses now, with the API's own 422 and before anything changes, any title or
//! body with a character outside the Basic Multilingual Plane. Accented letters, CJK, the zero-width space,
//! the byte-order mark and the direction controls all pass; a title like "🎉 launch" is refused.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change; serde ignores the others.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// Whether a MySQL `utf8` (utf8mb3) column can hold `text`: three bytes a character at most.
fn fits_utf8mb3(text: &str) -> bool {
    text.chars().all(|c| c.len_utf8() <= 3)
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let sent = [patch.title.as_deref(), patch.body.as_deref()];
    if !sent.into_iter().flatten().all(fits_utf8mb3) {
        return Err(ApiError::Invalid(
            "emoji and other 4-byte characters cannot be stored",
        ));
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
