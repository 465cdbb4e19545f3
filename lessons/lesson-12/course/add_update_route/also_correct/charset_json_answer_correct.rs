//! Correct: the answer is built the way Express's `res.json(post)` sends it, with the type
//! `application/json; charset=utf-8` set over `Json`'s own (a parameter RFC 8259 says has no
//! effect: JSON is UTF-8; the lesson's `json_errors` also takes any type that starts with
//! `application/json`). The title is checked with `Option::map_or` and `?`, and each field is set
//! with `unwrap_or_else(|| mem::take(..))`, no `if let`. A probe: a check that compares the
//! answer's `Content-Type` byte for byte with `GET /posts/{id}`'s refuses this one.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
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
) -> Result<impl IntoResponse, ApiError> {
    patch.title.as_deref().map_or(Ok(()), check_title)?;
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    post.title = patch
        .title
        .unwrap_or_else(|| std::mem::take(&mut post.title));
    post.body = patch.body.unwrap_or_else(|| std::mem::take(&mut post.body));
    let answer = post.clone();
    drop(store);
    Ok((
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        Json(answer),
    ))
}
