//! Wrong: breaks "the answer: `200 OK` with the whole post after the change [...]; the change is kept" (what is kept is not what was sent)
//! The site's writers paste titles and bodies from PDFs and Word, which leave invisible soft
//! hyphens (U+00AD) inside words: "co\u{ad}operate" then never matches a search for "cooperate".
//! The learner cleans the text before validating it, Django's `clean()` habit: every U+00AD is
//! removed from the title and the body, then the title is checked. Every title and body without
//! a soft hyphen is kept exactly as sent; one with a soft hyphen is stored without it, and a title
//! of soft hyphens alone (not blank: U+00AD is not white space) is refused with a 422.

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

/// Text as pasted, without the soft hyphens that word processors and PDFs leave in it.
fn clean(text: String) -> String {
    if text.contains('\u{ad}') {
        text.replace('\u{ad}', "")
    } else {
        text
    }
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
    let title = patch.title.map(clean);
    let body = patch.body.map(clean);
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
