//! Correct: the control for `answer_written_into_fixed_stack_buffer.rs`: the answer is first written into a fixed 4 KiB buffer on the stack, and when the post does not fit (`serde_json::to_writer` fails with `WriteZero`), it is serialized again with `serde_json::to_vec`, so any post, however large, is answered `200 OK`; the handler returns a plain `Response` built from the bytes
//!
//! The same wish to avoid an allocation for the common small answer, the way `SmallVec` or
//! `arrayvec` keep a few items inline and spill to the heap: the fixed buffer is a fast path,
//! never a limit. The edit is made under one taking of the lock, and the answer is written
//! from the post as it is after the edit, while the lock is still held, so it is the post
//! that `GET /posts/{id}` shows. The partly written buffer of a post that did not fit is
//! simply dropped.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The inline buffer: room for every post of the lesson's samples, many times over.
const INLINE_CAPACITY: usize = 4 * 1024;

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

/// `post` as JSON bytes: through the inline buffer when it fits, on the heap when it does not.
fn post_json(post: &Post) -> Vec<u8> {
    let mut inline = [0u8; INLINE_CAPACITY];
    let left = {
        let mut out: &mut [u8] = &mut inline;
        match serde_json::to_writer(&mut out, post) {
            Ok(()) => Some(out.len()),
            Err(_) => None,
        }
    };
    match left {
        Some(left) => inline[..INLINE_CAPACITY - left].to_vec(),
        None => serde_json::to_vec(post).expect("a post always serializes"),
    }
}

/// `PATCH /posts/{id}`: every check first, then every change.
async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let bytes = {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
        post_json(post)
    };
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        bytes,
    )
        .into_response())
}
