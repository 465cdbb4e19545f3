//! Correct: the id comes from `RawPathParams` (percent-decoded, as `Path` decodes it) and is
//! parsed with `str::parse::<u64>`, which is what `Path<u64>` runs; the body is taken as
//! `Result<Json<_>, JsonRejection>` so the id's 400 is answered first, then the rejection as it is.

use axum::extract::rejection::JsonRejection;
use axum::extract::{RawPathParams, State};
use axum::http::StatusCode;
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
    params: RawPathParams,
    body: Result<Json<PostPatch>, JsonRejection>,
) -> Response {
    let raw = params
        .iter()
        .find_map(|(key, value)| (key == "id").then_some(value))
        .unwrap_or_default();
    let id = match raw.parse::<u64>() {
        Ok(id) => id,
        Err(_) => {
            return (
                StatusCode::BAD_REQUEST,
                format!("Invalid URL: Cannot parse `{raw}` to a `u64`"),
            )
                .into_response();
        }
    };
    let patch = match body {
        Ok(Json(patch)) => patch,
        Err(rejection) => return rejection.into_response(),
    };
    if let Some(title) = patch.title.as_deref() {
        if let Err(err) = check_title(title) {
            return err.into_response();
        }
    }
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
    Json(post.clone()).into_response()
}
