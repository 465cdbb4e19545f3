//! Wrong: breaks "any other field (`id`, `userId`, …) is ignored"
//! The learner's other clients are C#: System.Text.Json writes `Title` and `Body` unless told
//! otherwise, and ASP.NET Core reads JSON case-insensitively, so an API "should take both". serde's
//! `alias` does it for the two fields a patch may change (`id` and `userId` stay ignored, as the
//! checks want). A patch `{"Title": "x"}` from a client that meant nothing by it, or that sends a
//! whole C# object back, changes the post, where `Title` is just another field.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a client may change, under JSON's and .NET's spellings; serde ignores the others.
#[derive(Debug, Deserialize)]
struct PostPatch {
    #[serde(alias = "Title")]
    title: Option<String>,
    #[serde(alias = "Body")]
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
        post.body = body;
    }
    Ok(Json(post.clone()))
}
