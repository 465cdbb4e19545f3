//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept (later requests see it)" for a title with three dots or a spaced double hyphen (`{"title": "wait for it..."}`, `{"title": "before -- after"}`): `200 OK`, but the title kept and answered is `wait for it…` (U+2026) or `before — after` (U+2014), not the one sent.
//! Titles are display text, so the learner typesets them on save, as SmartyPants and
//! WordPress's `wptexturize` do, but only the unambiguous cases: `...` becomes an ellipsis and
//! ` -- ` an em dash; quotes are left alone (they are ambiguous, and a title may quote code),
//! and so is the body. Most titles contain neither and pass untouched, and the blank-title rule
//! is checked on the text as sent (typesetting never makes a title blank). The contract keeps
//! the string that was sent: the post after the change has the title the patch named.

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
        post.title = typeset(title);
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}

/// `...` → `…`, ` -- ` → ` — `; a title with neither is returned as it is.
fn typeset(title: String) -> String {
    if title.contains("...") || title.contains(" -- ") {
        title
            .replace("...", "\u{2026}")
            .replace(" -- ", " \u{2014} ")
    } else {
        title
    }
}
