//! Wrong: breaks "a `title` that is empty or only white space ...: `422` with the body `lesson_12::check_title` gives"
//! The learner brings pydantic's habit (a `@field_validator("title")` on the model, so that a bad
//! value never makes a `PostPatch`) and Rust's "parse, don't validate": a `Title` newtype read with
//! `#[serde(try_from = "String")]` whose `TryFrom` calls `check_title` itself. The status is the
//! 422 they expected, but it is the `Json` extractor's rejection, so the body is serde's message
//! ("Failed to deserialize the JSON body ...: title: a post's title cannot be empty at line ..."),
//! not `{"error": "a post's title cannot be empty"}`.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// A title that says something: it cannot be built from a blank string.
#[derive(Debug, Deserialize)]
#[serde(try_from = "String")]
struct Title(String);

impl TryFrom<String> for Title {
    type Error = ApiError;

    fn try_from(title: String) -> Result<Title, ApiError> {
        check_title(&title)?;
        Ok(Title(title))
    }
}

/// The patch, valid once it exists: pydantic's model with its validator.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<Title>,
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
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(Title(title)) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
