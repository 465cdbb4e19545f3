//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer" (and only those: axum's `Json` takes any `application/…+json` and reads the type case-insensitively)
//! The learner keeps an audit trail of every edit with the patch exactly as the client sent it
//! (ignored fields included), so the handler takes the raw `Bytes` and does what `Json` does by
//! hand. For "is it JSON?" it copies the lesson's own test from `json_errors`,
//! `starts_with(b"application/json")`, which handles `; charset=utf-8`; but a client that sends a
//! PATCH as `application/merge-patch+json` (RFC 7396) or as `Application/JSON` gets a 415, and
//! `application/jsonp` is read as JSON.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;
use serde_json::error::Category;

/// The fields a client may change; serde ignores the others.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// Is the body declared as JSON? The same test the lesson's `json_errors` uses on answers.
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"application/json"))
}

/// The patch, read the way axum's `Json` reads it: 415, then 400 for bad JSON, 422 for a bad shape.
#[allow(clippy::result_large_err)] // a `Response` as the error, as axum handlers return
fn read_patch(headers: &HeaderMap, raw: &[u8]) -> Result<PostPatch, Response> {
    if !is_json(headers) {
        return Err((
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Expected request with `Content-Type: application/json`",
        )
            .into_response());
    }
    serde_json::from_slice(raw).map_err(|err| match err.classify() {
        Category::Data => (
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("Failed to deserialize the JSON body into the target type: {err}"),
        )
            .into_response(),
        Category::Syntax | Category::Eof | Category::Io => (
            StatusCode::BAD_REQUEST,
            format!("Failed to parse the request body as JSON: {err}"),
        )
            .into_response(),
    })
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    headers: HeaderMap,
    raw: Bytes,
) -> Response {
    let patch = match read_patch(&headers, &raw) {
        Ok(patch) => patch,
        Err(response) => return response,
    };
    if let Some(Err(err)) = patch.title.as_deref().map(check_title) {
        return err.into_response();
    }
    let mut store = state.store();
    let Some(post) = store.get_mut(id) else {
        return ApiError::NotFound(id).into_response();
    };
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    let post = post.clone();
    drop(store);
    eprintln!(
        "audit: PATCH /posts/{id} with {}",
        String::from_utf8_lossy(&raw)
    );
    Json(post).into_response()
}
