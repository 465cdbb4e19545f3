//! Correct: the control for `content_length_counted_in_chars_like_python_len.rs`: the answer is built by hand as a `Response` (no `Json` on the way out) with its `Content-Type` and an explicit `Content-Length` that counts the JSON's bytes, `String::len`
//!
//! The same aiohttp habit of sizing the answer, done right: a Rust `String`'s `len()` is its
//! length in UTF-8 bytes, which is what `Content-Length` counts, so the header agrees with the
//! body for any text (hyper's debug assertion that they agree holds, and a client reads the
//! whole answer). The post is serialized while the store is locked, into a `String`, and the
//! lock is released before the answer is built. The answer carries one header the reference's
//! does not have in-process (`Content-Length`; hyper adds the same one on the wire): a check
//! that compares the whole header map with the reference's would refuse it by mistake.

use axum::Json;
use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::Response;
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
    let length = HeaderValue::from(json.len());
    let mut response = Response::new(Body::from(json));
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(header::CONTENT_LENGTH, length);
    Ok(response)
}
