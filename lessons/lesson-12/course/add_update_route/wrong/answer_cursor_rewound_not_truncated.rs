//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON"
//! The learner serializes every answer into one buffer per worker thread, kept across requests
//! ("no growing `Vec` per answer"), an in-memory file: a `Cursor<Vec<u8>>` that is rewound before
//! each answer, the C habit of `rewind(fp)` on a scratch file, and whose bytes are then copied
//! out. Rewinding does not truncate: the first answer is right, and so is every answer at least
//! as long as the longest before it on that thread, but a shorter one keeps the tail of an
//! earlier one after its closing brace, and the client gets JSON with trailing garbage.

use std::cell::RefCell;
use std::io::Cursor;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

thread_local! {
    /// The answer buffer of this worker thread, reused by every answer.
    static ANSWER: RefCell<Cursor<Vec<u8>>> = RefCell::new(Cursor::new(Vec::with_capacity(1024)));
}

/// A patch: each field is changed only when it is sent (absent or `null`: kept).
#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// `post` as a JSON answer, written through the thread's buffer.
fn json_answer(post: &Post) -> Response {
    let written = ANSWER.with(|cell| {
        let mut cursor = cell.borrow_mut();
        cursor.set_position(0);
        serde_json::to_writer(&mut *cursor, post)?;
        Ok::<Bytes, serde_json::Error>(Bytes::copy_from_slice(cursor.get_ref()))
    });
    match written {
        Ok(bytes) => (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            bytes,
        )
            .into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
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
    Ok(json_answer(post))
}
