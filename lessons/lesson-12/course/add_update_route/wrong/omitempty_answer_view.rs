//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it"
//! The learner comes from Go, where an API answers with a response struct of its own, decoupled
//! from the stored model, and every string field is tagged `json:"body,omitempty"` to save bytes.
//! The `PostView` here does the same with `skip_serializing_if = "String::is_empty"`: every answer
//! matches `GET` except after `{"body": ""}` (or for a post whose body is empty), where the answer
//! has no `body` member at all while `GET` shows `"body": ""`.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// What a client gets back: the API's view of a post, not the store's model.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PostView {
    user_id: u64,
    id: u64,
    #[serde(skip_serializing_if = "String::is_empty")]
    title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    body: String,
}

impl From<&Post> for PostView {
    fn from(post: &Post) -> PostView {
        PostView {
            user_id: post.user_id,
            id: post.id,
            title: post.title.clone(),
            body: post.body.clone(),
        }
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
) -> Result<Json<PostView>, ApiError> {
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
    Ok(Json(PostView::from(&*post)))
}
