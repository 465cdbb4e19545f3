//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it" for a post whose title or body is not all ASCII (`{"title": "café"}`): the answer's `Content-Length` counts characters, fewer than the bytes sent, so over a socket the answer is cut short (a debug build's hyper panics on the mismatch and drops the connection)
//!
//! The learner, who comes from aiohttp, sets the answer's length explicitly "so proxies and
//! HTTP/1.0 clients get a sized answer rather than a chunked one", the way Python code writes
//! `headers={"Content-Length": str(len(text))}`: the JSON text's length, in characters,
//! `json.chars().count()`, Python's `len(str)`. For ASCII text characters and bytes are the
//! same count, and so is every answer in the lesson's sample posts; for `é`, `ü`, CJK or an
//! emoji the header is short by one to three bytes per character. In-process (`oneshot`) the
//! body arrives whole and only the header is wrong; through `lesson_12::serve` a client reads
//! the header's count and gets truncated JSON (hyper, built with debug assertions as the
//! course's test profiles build it, asserts that the header and the body agree, and its
//! connection task panics instead). The checks' only patch sent over a socket is one patch,
//! the same for two routers; the non-ASCII titles are sent in-process.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

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

/// `PATCH /posts/{id}`: every check first, then every change; the answer is sized.
async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let json = {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
        serde_json::to_string(&*post).expect("a post always serializes")
    };
    let length = json.chars().count();
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (header::CONTENT_LENGTH, HeaderValue::from(length)),
        ],
        json,
    )
        .into_response())
}
