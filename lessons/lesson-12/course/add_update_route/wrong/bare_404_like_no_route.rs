//! Wrong: breaks "an `id` that is a whole number but no post's (`/posts/4` when there is none, or `/posts/5000000000`): `404` with the body `ApiError::NotFound(id)` gives"
//! A careful learner follows axum's docs (`.ok_or(StatusCode::NOT_FOUND)?`) and the lesson's own
//! `no_route`, which answers a bare `StatusCode::NOT_FOUND` and lets `json_errors` give it a JSON
//! body: "the middleware makes every error the API's shape anyway". The status is right and the
//! body is JSON, but it is `{"error":"not found"}`, not `{"error":"no post 4"}`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{AppState, check_title};
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

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(changes): Json<PostPatch>,
) -> Result<Json<Post>, Response> {
    if let Some(title) = &changes.title {
        check_title(title).map_err(IntoResponse::into_response)?;
    }
    let mut store = state.store();
    // As `no_route` does: the status, and `json_errors` writes the body.
    let post = store
        .get_mut(id)
        .ok_or_else(|| StatusCode::NOT_FOUND.into_response())?;
    if let Some(title) = changes.title {
        post.title = title;
    }
    if let Some(body) = changes.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
