//! Wrong: breaks "every route `router` already has keeps working as before" (`PUT`, `POST` or `DELETE /posts/1` is still a 405, but with an empty body where the app answered `{"error": "method not allowed"}`) and "a request the API's extractors refuse is that extractor's answer" (`PATCH /posts/abc`, a body that is not JSON, `{"title": 5}` or a `text/plain` patch: the extractor's plain-text message goes out as is, labelled `application/json`, instead of the app's `{"error": ...}`).
//! The learner read "the answer: ... as JSON" and, rather than trust every return path, put one
//! small `map_response` middleware on the route's method router that labels every answer of the
//! route `Content-Type: application/json` (what tower-http's `SetResponseHeader` does). For the
//! handler's own answers, `200`, `404` and `422`, that changes nothing: they are JSON already.
//! But `MethodRouter::layer` also wraps the method router's fallback (the 405 of every other
//! method) and the extractors' rejections, which are empty or plain text; labelled JSON, they
//! slip past the app's `json_errors`, which only rewrites error answers that are not JSON yet.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::middleware;
use axum::response::Response;
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

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
        patch(update_post).layer(middleware::map_response(labelled_json)),
    )
}

/// Every answer of this route is the API's JSON: say so, whatever path made it.
async fn labelled_json(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
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
