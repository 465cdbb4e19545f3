//! Wrong: breaks "the body is a JSON object with any of `title` and `body`, each a string" (and "JSON of another shape (`{"title": 5}`, `[]`, `null`: 422")
//! The learner has written clients for WordPress's REST API, whose posts carry `title` and
//! `content` as objects (`{"raw": "...", "rendered": "<p>...</p>"}`) and whose `POST /wp/v2/posts/<id>`
//! takes either a plain string or `{"raw": "..."}`. Editors built for WordPress send the object,
//! so each field is read as a `#[serde(untagged)]` enum of "a string" or "an object with `raw`":
//! every plain string, `null`, number, list or empty object behaves as before, but
//! `{"title": {"raw": "New"}}` is applied (200) instead of being refused with a 422.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// A text field as a client may send it: WordPress sends `{"raw": ...}`, everyone else a string.
#[derive(Deserialize)]
#[serde(untagged)]
enum TextField {
    Plain(String),
    Raw { raw: String },
}

impl TextField {
    fn into_text(self) -> String {
        match self {
            TextField::Plain(text) | TextField::Raw { raw: text } => text,
        }
    }
}

#[derive(Deserialize)]
struct PostPatch {
    title: Option<TextField>,
    body: Option<TextField>,
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
    let title = patch.title.map(TextField::into_text);
    let body = patch.body.map(TextField::into_text);
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
