//! Correct: the 200 answer is written by hand, `serde_json::to_vec` of the post and then a final line break (`{…}\n`, as HTTPie, `jq` and Python's `json.dump(..); print()` leave it, so a terminal prompt does not stick to it), with `Content-Type: application/json`; the JSON value is the same as `Json`'s, only the bytes end differently
//! The learner tests the API with curl and wants the answer on a line of its own. A JSON text may
//! be followed by white space (RFC 8259, `ws` after the value), so every JSON parser reads the
//! same post; a check that compares the answer's bytes with the reference's would refuse it by
//! mistake. Errors are the lesson's own `ApiError` answers, and the edit is the reference's:
//! every check first, then the change in place under one lock.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

/// The fields a `PATCH` may change; absent or `null` is `None`, other fields are ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
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
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    let answer = match serde_json::to_vec(&*post) {
        Ok(mut bytes) => {
            bytes.push(b'\n');
            ([(header::CONTENT_TYPE, "application/json")], bytes).into_response()
        }
        // A `Post` always serializes; were it not to, say so as `Json` would.
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    Ok(answer)
}
