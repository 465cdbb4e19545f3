//! Correct: the control for `json_rejection_statuses_from_docs.rs`: the body is taken as
//! `Result<Json<PostPatch>, JsonRejection>` and each refusal gets a status written out by hand (415, 422,
//! 400) in the API's `{"error": ..}` shape with axum's own wording, but a body that could not be read keeps
//! the status axum gives it (`BytesRejection::status()`: 413 past the body limit, 400 for a broken body);
//! the handler returns a plain `Response` with early returns, and drops the store's guard by hand.

use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
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
        Err(rejection) => {
            let status = match &rejection {
                JsonRejection::MissingJsonContentType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
                JsonRejection::JsonDataError(_) => StatusCode::UNPROCESSABLE_ENTITY,
                JsonRejection::JsonSyntaxError(_) => StatusCode::BAD_REQUEST,
                JsonRejection::BytesRejection(inner) => inner.status(),
                other => other.status(),
            };
            let body = ErrorBody {
                error: rejection.body_text(),
            };
            return (status, Json(body)).into_response();
        }
    };
    if let Some(Err(err)) = patch.title.as_deref().map(check_title) {
        return err.into_response();
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
    let answer = Json(post.clone()).into_response();
    drop(store);
    answer
}
