//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing"
//! The learner wants each refusal of the body to carry a status it chose on purpose, and copies the `match`
//! from axum's "Handling extractor rejections" docs: 415 for the type, 422 for the shape, 400 for the syntax,
//! and 400 for `BytesRejection` and the catch-all ("the body could not be read: a client that sent a broken
//! body, aiohttp's `HTTPBadRequest`"), keeping axum's own wording in the API's `{"error": ..}` shape.
//! A body past the app's 16 KiB limit that comes without a `Content-Length` is refused by `Json` itself with a
//! 413 (`LengthLimitError`, inside `BytesRejection`); this handler turns that 413 into a 400.

use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change; serde ignores the others.
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
    payload: Result<Json<PostPatch>, JsonRejection>,
) -> Response {
    let patch = match payload {
        Ok(Json(patch)) => patch,
        Err(rejection) => return refused(&rejection),
    };
    match apply(&state, id, patch) {
        Ok(post) => Json(post).into_response(),
        Err(err) => err.into_response(),
    }
}

/// The statuses of the API's body errors, as the docs' `match` lists them.
fn refused(rejection: &JsonRejection) -> Response {
    let status = match rejection {
        // Request didn't have `Content-Type: application/json` (or a `+json` type).
        JsonRejection::MissingJsonContentType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        // JSON, but not the shape of a patch.
        JsonRejection::JsonDataError(_) => StatusCode::UNPROCESSABLE_ENTITY,
        // Not JSON at all.
        JsonRejection::JsonSyntaxError(_) => StatusCode::BAD_REQUEST,
        // Failed to read the body: the client sent something broken.
        JsonRejection::BytesRejection(_) => StatusCode::BAD_REQUEST,
        // `JsonRejection` is `#[non_exhaustive]`.
        _ => StatusCode::BAD_REQUEST,
    };
    let body = ErrorBody {
        error: rejection.body_text(),
    };
    (status, Json(body)).into_response()
}

/// Checks first, then changes post `id` in place under one taking of the lock.
fn apply(state: &AppState, id: u64, patch: PostPatch) -> Result<Post, ApiError> {
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
    Ok(post.clone())
}
