//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept" for a title or body with typographic quotes (`PATCH /posts/1` with `{"title": "“Rust” isn’t hard"}`: stored and answered as `"Rust" isn't hard`, not the text sent)
//! The learner's editors paste from Word and Google Docs, and the site's search missed
//! `isn’t` when people typed `isn't`; in Python they ran every text field through
//! `ftfy.fix_text`, whose `uncurl_quotes` step (on by default) turns U+02BC and U+2018..U+201B
//! into `'` and U+201C..U+201F into `"`. This port does just that step, on the title and the
//! body, before the checks. Text without those characters (ASCII quotes, `&`, `<`, emoji,
//! accented letters, white space of any kind) is stored as sent.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a `PATCH` may change; absent or `null` is `None`, other fields are ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// ftfy's `uncurl_quotes`: curly single quotes (and the modifier apostrophe) become `'`, curly
/// double quotes become `"`.
fn uncurl_quotes(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{02BC}' | '\u{2018}'..='\u{201B}' => '\'',
            '\u{201C}'..='\u{201F}' => '"',
            other => other,
        })
        .collect()
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    let title = patch.title.as_deref().map(uncurl_quotes);
    let body = patch.body.as_deref().map(uncurl_quotes);
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
