//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing"
//! The learner reads the headers and the raw body, to answer a missing content type "by hand":
//! `Content-Type` compared with `"application/json"` as text, a 415 otherwise, then the body
//! parsed with `Json::from_bytes`, whose rejection is the `Json` extractor's own. But a client
//! that sends `application/json; charset=utf-8` (many do) gets a 415, where the `Json`
//! extractor takes it.

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a `PATCH` may change. `Option`: absent (or `null`) is `None`, which keeps the
/// post's value. serde ignores the fields this struct does not name, `id` and `userId` among
/// them, so they can never change.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    // `GET /posts/{id}` is already there: a second `.route` for the same path adds the method
    // to it (a method given twice would panic).
    router.route("/posts/{id}", patch(update_post))
}

/// `PATCH /posts/{id}`: every check first, then every change, so a refused request changes
/// nothing.
async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    headers: HeaderMap,
    bytes: Bytes,
) -> Result<Json<Post>, Response> {
    if headers
        .get(header::CONTENT_TYPE)
        .map(|value| value.as_bytes())
        != Some(b"application/json")
    {
        return Err(StatusCode::UNSUPPORTED_MEDIA_TYPE.into_response());
    }
    let Json(patch) = Json::<PostPatch>::from_bytes(&bytes).map_err(IntoResponse::into_response)?;
    if let Some(title) = &patch.title {
        check_title(title).map_err(IntoResponse::into_response)?;
    }
    let mut store = state.store();
    let post = store
        .get_mut(id)
        .ok_or_else(|| ApiError::NotFound(id).into_response())?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
