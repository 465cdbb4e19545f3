//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: [...] a body that is not JSON (400), JSON of another shape (`{"title": 5}`, `[]`, `null`: 422)": the status is the extractor's, but the answer's text is a fixed one of the learner's (`{"error": "the body is not valid JSON"}` for every 400, `{"error": "the body is not a valid patch"}` for every 422), not what the `Json` extractor said was wrong (`Failed to parse the request body as JSON: ...`, `Failed to deserialize the JSON body into the target type: title: invalid type: ...`).
//! The learner followed the security advice "do not leak parser or framework internals in error
//! messages" (OWASP's error-handling cheat sheet, Express's production error handler): the body
//! is taken as `Result<Json<PostPatch>, JsonRejection>`, and a rejection is answered with its own
//! status (`rejection.status()`, so 400, 415 and 422 stay what they were) and a short, fixed
//! message per status. Two different mistakes in a body now get the same answer, and neither
//! says what was wrong, line, column or field.

use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use serde::Deserialize;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// The answer to a body the `Json` extractor refused: its status, and a message that says no
/// more than the status does.
fn refusal(rejection: &JsonRejection) -> Response {
    let status = rejection.status();
    let error = match status {
        StatusCode::BAD_REQUEST => "the body is not valid JSON",
        StatusCode::UNPROCESSABLE_ENTITY => "the body is not a valid patch",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "the body must be sent as application/json",
        StatusCode::PAYLOAD_TOO_LARGE => "the body is too large",
        _ => "the body could not be read",
    };
    (
        status,
        Json(ErrorBody {
            error: error.to_owned(),
        }),
    )
        .into_response()
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    body: Result<Json<PostPatch>, JsonRejection>,
) -> Result<Response, ApiError> {
    let patch = match body {
        Ok(Json(patch)) => patch,
        Err(rejection) => return Ok(refusal(&rejection)),
    };
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
    Ok(Json(post.clone()).into_response())
}
