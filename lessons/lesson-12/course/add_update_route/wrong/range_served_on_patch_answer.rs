//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it" for a good patch sent with a `Range` header (`Range: bytes=0-9` beside `{"title": "t"}`: the edit is applied and answered `206 Partial Content` with the first ten bytes of the JSON)
//!
//! The learner writes the API's JSON answers through one helper that honours byte ranges, the
//! way lesson 11's downloads resume: `Range: bytes=a-b` (or `a-`) gets a `206` with that
//! slice and a `Content-Range`, anything the helper does not understand gets the whole
//! answer, as RFC 9110 allows a server to ignore `Range`. Resuming a long answer after a
//! dropped connection is a real feature for large JSON documents, and the helper is careful:
//! no slice out of bounds, one range only, no 416. What it does not check is the method:
//! RFC 9110 §14.2 defines `Range` for `GET` only, and a `PATCH`'s answer must be the whole
//! post. The checks send `Content-Range` with a patch (the upload side), never `Range`.

use axum::Json;
use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use serde::{Deserialize, Serialize};

/// The fields a `PATCH` may change; absent or `null` is `None`, and keeps the value.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// The one byte range `headers` asks for, within `len` bytes, as first and last index.
fn requested_range(headers: &HeaderMap, len: usize) -> Option<(usize, usize)> {
    let spec = headers
        .get(header::RANGE)?
        .to_str()
        .ok()?
        .trim()
        .strip_prefix("bytes=")?;
    let (first, last) = spec.split_once('-')?;
    let first: usize = first.trim().parse().ok()?;
    let end = len.checked_sub(1)?;
    let last = match last.trim() {
        "" => end,
        last => last.parse::<usize>().ok()?.min(end),
    };
    (first <= last).then_some((first, last))
}

/// A JSON answer, or the part of it that `headers` asks for.
fn json_answer(headers: &HeaderMap, value: &impl Serialize) -> Response {
    let bytes = serde_json::to_vec(value).expect("the API's types always serialize");
    let Some((first, last)) = requested_range(headers, bytes.len()) else {
        let mut response = Response::new(Body::from(bytes));
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        return response;
    };
    let content_range = format!("bytes {first}-{last}/{}", bytes.len());
    let mut response = Response::new(Body::from(bytes[first..=last].to_vec()));
    *response.status_mut() = StatusCode::PARTIAL_CONTENT;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Ok(value) = HeaderValue::from_str(&content_range) {
        headers.insert(header::CONTENT_RANGE, value);
    }
    response
}

/// `PATCH /posts/{id}`: every check first, then every change.
async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    headers: HeaderMap,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
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
    Ok(json_answer(&headers, &*post))
}
