//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it"
//! An engineer who "does REST properly" answers a PATCH that changes nothing (`{}`, only `null`s,
//! only ignored fields, or the values the post already has) with `204 No Content`: "the client
//! already has this post, why send it again". Every patch that changes something is answered
//! exactly right, and the store is right in every case; only a no-op patch gets a 204 and an empty
//! body, where the contract wants 200 and the post.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
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

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(changes): Json<PostPatch>,
) -> Result<Response, ApiError> {
    if let Some(title) = &changes.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    let before = post.clone();
    if let Some(title) = changes.title {
        post.title = title;
    }
    if let Some(body) = changes.body {
        post.body = body;
    }
    if *post == before {
        // Nothing changed: nothing to tell the client.
        return Ok(StatusCode::NO_CONTENT.into_response());
    }
    Ok(Json(post.clone()).into_response())
}
