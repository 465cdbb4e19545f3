//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: ... no `Content-Type: application/json` (415), a body that is not JSON (400)"
//! The learner comes from Express, where `express.json()` hands the handler `req.body = {}` when a
//! request has no body, so `PATCH /posts/1` with nothing in it is a patch of nothing, answered with
//! the post. In axum they read the body as `Bytes`, keep an empty one as an empty patch, and run
//! the `Json` extractor themselves on any other body, so the content type and the JSON are still
//! axum's checks: except that an empty body, sent as JSON (not JSON: 400) or with no content type
//! (415), is a 200.

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change; `Default` is `req.body = {}`.
#[derive(Debug, Default, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// body-parser's rule: no body is `{}`; any other body must be JSON, sent as JSON.
async fn read_patch(headers: HeaderMap, body: Bytes) -> Result<PostPatch, Response> {
    if body.is_empty() {
        return Ok(PostPatch::default());
    }
    let mut request = Request::new(Body::from(body));
    *request.headers_mut() = headers;
    let Json(patch) = Json::<PostPatch>::from_request(request, &())
        .await
        .map_err(IntoResponse::into_response)?;
    Ok(patch)
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Post>, Response> {
    let patch = read_patch(headers, body).await?;
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
