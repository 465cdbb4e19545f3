//! Correct: written the Express way,
//! `res.status(200).type("application/json").send(JSON.stringify(post))`: the handler returns a
//! plain `Response`, serializes the post itself with `serde_json::to_vec` and sends the bytes with
//! an explicit `200` and `Content-Type: application/json` (the same bytes and type `Json` gives; a
//! bare `String` or `Vec<u8>` would be text or octet-stream), and answers each error early with
//! `return ... .into_response()`, as `return res.status(404).json(..)` does.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

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
) -> Response {
    if let Some(title) = patch.title.as_deref() {
        if let Err(err) = check_title(title) {
            return err.into_response();
        }
    }
    let bytes = {
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
        serde_json::to_vec(&*post)
    };
    match bytes {
        Ok(bytes) => (
            StatusCode::OK,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            bytes,
        )
            .into_response(),
        // A `Post` always serializes; if it ever did not, a 500, not a panic.
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
