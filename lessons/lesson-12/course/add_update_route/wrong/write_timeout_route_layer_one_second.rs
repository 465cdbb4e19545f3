//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept (later requests see it)" for a good patch whose body takes more than a second to arrive (`PATCH /posts/1` with `{"title": "t"}` sent slowly, as a phone on a bad network does, well inside the app's own 10 s limit): `408` and no change.
//! The learner copied the app's own `TimeoutLayer` onto the new route with a much shorter limit,
//! reasoning that an edit is a few map operations, so a write that takes more than a second is
//! a stuck or hostile client and should let its task go early (the way a database gives writes a
//! short statement timeout). It is put on with `route_layer`, so only `PATCH` meets it and the
//! 405s of the other methods are untouched; every quick patch is answered exactly right. But the
//! timer runs from the request's arrival, body included, so a client that is merely slow to send
//! its patch gets a 408 that the app's 10 s limit would never have given.

use std::time::Duration;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use tower_http::timeout::TimeoutLayer;

/// How long an edit may take, body included: writes are short, so far less than the app's 10 s.
const WRITE_TIMEOUT: Duration = Duration::from_secs(1);

/// The fields a patch may change; `None` when absent or `null`. Other fields are ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route(
        "/posts/{id}",
        patch(update_post).route_layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            WRITE_TIMEOUT,
        )),
    )
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = patch.title.as_deref() {
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
