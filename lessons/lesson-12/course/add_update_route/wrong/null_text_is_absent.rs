//! Wrong: breaks "the body is a JSON object with any of `title` and `body`, each a string; a field that is absent or `null` keeps its value"
//! The learner's front end builds the patch from a form, and a field it never filled used to
//! arrive as the text `"undefined"` or `"null"` (`String(value)`, `${value}` in a template, a
//! `FormData` turned into JSON), which then became the post's title. So the handler reads those
//! two words as "no value", like JSON's `null`: the checks' `null`s keep their values as they
//! must, but a client that really means the title `null` (a post about SQL) is not heard.

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

/// A value the client really sent: not `null`, and not the text a JavaScript client makes of
/// a missing value.
fn sent(value: Option<String>) -> Option<String> {
    value.filter(|text| {
        let word = text.trim();
        !(word.eq_ignore_ascii_case("null") || word.eq_ignore_ascii_case("undefined"))
    })
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    let title = sent(patch.title);
    let body = sent(patch.body);
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
