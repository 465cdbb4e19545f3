//! Correct: the edit is done the document-store way (MongoDB's `$set`): the post is turned into a
//! `serde_json::Value`, the sent strings are written into its `title` and `body` members, and the
//! document is read back into a `Post` that replaces the stored one, all under the one lock and
//! after the title's check; `serde_json::Value`'s errors (which cannot happen for a `Post`) are a
//! 500, never a panic.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use serde_json::Value;

/// The fields a patch may change; `null` or absent keeps the value.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

fn internal(_: serde_json::Error) -> Response {
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, Response> {
    if let Some(title) = &patch.title {
        check_title(title).map_err(IntoResponse::into_response)?;
    }
    let mut store = state.store();
    let post = store
        .get_mut(id)
        .ok_or(ApiError::NotFound(id))
        .map_err(IntoResponse::into_response)?;
    let mut document = serde_json::to_value(&*post).map_err(internal)?;
    if let Some(members) = document.as_object_mut() {
        for (name, value) in [("title", patch.title), ("body", patch.body)] {
            if let Some(value) = value {
                members.insert(name.to_owned(), Value::String(value));
            }
        }
    }
    let edited: Post = serde_json::from_value(document).map_err(internal)?;
    *post = edited.clone();
    Ok(Json(edited))
}
