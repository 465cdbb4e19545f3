//! Wrong: breaks "every route `router` already has keeps working as before"
//! The learner comes from Express, where a JSON API starts with `app.use((req, res, next) => {
//! res.type("json"); next(); })` and middleware applies to the routes registered *after* it. So
//! they add a `map_response` that marks every answer `application/json` first and the PATCH route
//! second. In axum a layer wraps the routes added *before* it: the PATCH route is untouched and
//! passes every check of its own, but the old routes' plain-text answers (the 405 of `DELETE
//! /posts`, the 400 of `GET /posts/abc` or `?userId=two`, the 415 of a `POST` without JSON) now
//! claim to be JSON, so the app's `json_errors` leaves them alone: an empty body, or a bare "Cannot
//! parse ..." text, instead of `{"error": ...}`.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::middleware;
use axum::response::Response;
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Express's `res.type("json")` for every answer: this is a JSON API.
async fn json_api(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    // `app.use(..)` first, then the routes it is meant for.
    router
        .layer(middleware::map_response(json_api))
        .route("/posts/{id}", patch(update_post))
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
