//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON"
//! The handler answers with `serde_json::to_string(&post)` as a `String`, the way aiohttp code
//! often writes `web.Response(text=json.dumps(post))`. The bytes are exactly the post's JSON, and
//! every error is still the right status and JSON body, but a `String` answer's `Content-Type` is
//! `text/plain; charset=utf-8`, not `application/json` (and `json_errors` leaves a `200` alone),
//! so a client that goes by the type does not read it as JSON.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

/// The fields a `PATCH` may change.
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
) -> Result<String, ApiError> {
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
    // A `Post` always serializes; the default is never used.
    Ok(serde_json::to_string(&*post).unwrap_or_default())
}
