//! Wrong: breaks "an `id` that is a whole number (a `u64`) but no post's (`/posts/4` when there is none, or `/posts/5000000000`): `404` with the body `ApiError::NotFound(id)` gives"
//! The learner serves the error answers the way a web server serves its error pages, made once and
//! reused: a scanner hammering missing ids should cost nothing, so the 404's JSON is serialized
//! into a `static OnceLock<Vec<u8>>` with `get_or_init`, on the first miss. The closure builds it
//! from `ApiError::NotFound(id)`, the API's own error, so the first 404 in the process is exactly
//! right; every later one, for any other id and on any later server, says "no post" with the
//! first missing id.

use std::sync::OnceLock;

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use serde::Deserialize;

/// The 404's JSON, serialized once for the whole process.
static NOT_FOUND_BODY: OnceLock<Vec<u8>> = OnceLock::new();

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

fn not_found(id: u64) -> Response {
    let body = NOT_FOUND_BODY.get_or_init(|| {
        let error = ErrorBody {
            error: ApiError::NotFound(id).to_string(),
        };
        serde_json::to_vec(&error).unwrap_or_default()
    });
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "application/json")],
        body.clone(),
    )
        .into_response()
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Response {
    if let Some(title) = &patch.title {
        if let Err(error) = check_title(title) {
            return error.into_response();
        }
    }
    let mut store = state.store();
    let Some(post) = store.get_mut(id) else {
        return not_found(id);
    };
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Json(post.clone()).into_response()
}
