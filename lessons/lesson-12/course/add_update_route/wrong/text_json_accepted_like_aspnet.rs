//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: [...] a `Content-Type` that is not JSON's (415 [...])"
//! The learner's other APIs are ASP.NET Core, whose JSON input formatter takes `application/json`,
//! `application/*+json` and `text/json` ("older jQuery and Java clients still send `text/json`"),
//! so the new route gets a small middleware that rewrites `text/json` to `application/json` before
//! `Json` reads it. Every type the checks list behaves as before; a `PATCH` sent as `text/json`,
//! which axum's `Json` refuses with a 415, edits the post and answers 200.

use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware;
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a `PATCH` may change; the others are ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route(
        "/posts/{id}",
        patch(update_post).layer(middleware::map_request(accept_text_json)),
    )
}

/// ASP.NET's formatter takes `text/json` as JSON: so does this route.
async fn accept_text_json(mut request: Request) -> Request {
    let is_text_json = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("text/json"));
    if is_text_json {
        request.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
    }
    request
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
