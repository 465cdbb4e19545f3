//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept" for a `body` with spaces or tabs at the end of a line (`{"body": "roses are red  \nviolets are blue"}`, Markdown's hard line break, or `{"body": "done. "}`): the body kept and answered is `roses are red\nviolets are blue` (`done.`), not the text sent.
//! The learner keeps post bodies tidy the way editors do on save (`.editorconfig`'s
//! `trim_trailing_whitespace`, git's `whitespace=trailing-space`): spaces and tabs at the end of
//! each line of the `body` are dropped before it is stored, "so that revisions don't differ by
//! invisible white space". Line breaks are kept, `\r\n` included, the title is stored exactly
//! as sent, and a body with no line-end white space (every body the learner tried) is
//! untouched. But the contract keeps the string sent: two spaces before a line break are a
//! hard line break in Markdown, and a sentence's final space is the client's to keep.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::patch;
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
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = trim_line_ends(&body);
    }
    Ok(Json(post.clone()))
}

/// `text` with the spaces and tabs at the end of each line dropped; the line breaks stay.
fn trim_line_ends(text: &str) -> String {
    text.split('\n')
        .map(|line| line.trim_end_matches([' ', '\t']))
        .collect::<Vec<_>>()
        .join("\n")
}
