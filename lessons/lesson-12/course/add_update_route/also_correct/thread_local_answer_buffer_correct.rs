//! Correct: the answer is serialized into a `thread_local!` buffer that every request on the
//! thread reuses ("no allocation per answer", the habit of a `Vec` kept for a hot loop), cleared
//! before each use and copied out into the response's `Bytes`, with the `application/json` type
//! `Json` gives. The buffer outlives the call but never carries anything into the next one: it is
//! emptied first, borrowed only inside `with_borrow_mut` (no `.await` there), and each thread,
//! runtime or server has its own or shares nothing through it.

use std::cell::RefCell;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a PATCH may change; absent or `null` is `None`, and keeps its value.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

thread_local! {
    /// Where this thread writes its answers' JSON, kept from one request to the next.
    static ANSWER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let post = {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
        post.clone()
    };
    Ok(json_answer(&post))
}

/// `post` as a JSON answer, written through this thread's buffer.
fn json_answer(post: &Post) -> Response {
    let bytes = ANSWER.with_borrow_mut(|buffer| {
        buffer.clear();
        match serde_json::to_writer(&mut *buffer, post) {
            Ok(()) => Some(Bytes::copy_from_slice(buffer.as_slice())),
            Err(_) => None,
        }
    });
    match bytes {
        Some(bytes) => (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            bytes,
        )
            .into_response(),
        // A `Post` is strings and numbers: serializing it into memory cannot fail.
        None => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
