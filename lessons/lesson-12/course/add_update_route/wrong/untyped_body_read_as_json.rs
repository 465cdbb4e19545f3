//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: … no `Content-Type: application/json` (415)"
//! The learner's own clients are Python scripts, and `requests.patch(url, data=json.dumps(patch))`
//! sends no `Content-Type` at all (so does `curl --data-binary @patch.json`), as does aiohttp's
//! `request.json()` read any body. So a body that comes with no type is tried as JSON ("be liberal
//! in what you accept"), and only if it is not a patch does it get the extractor's own 415; a body
//! with a type (JSON, text or a form) goes through `Json` as usual. A valid JSON patch sent with no
//! `Content-Type` header edits the post instead of being a 415.

use axum::body::Bytes;
use axum::extract::rejection::MissingJsonContentType;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change; `null` or absent keeps the value.
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
    request: Request,
) -> Result<Json<Post>, Response> {
    let patch = read_patch(request, &state).await?;
    if let Some(title) = &patch.title {
        check_title(title).map_err(ApiError::into_response)?;
    }
    let mut store = state.store();
    let post = store
        .get_mut(id)
        .ok_or(ApiError::NotFound(id))
        .map_err(ApiError::into_response)?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}

/// The patch: through `Json` when the client says what it sends, sniffed when it says nothing.
async fn read_patch(request: Request, state: &AppState) -> Result<PostPatch, Response> {
    if request.headers().contains_key(CONTENT_TYPE) {
        let Json(patch) = Json::<PostPatch>::from_request(request, state)
            .await
            .map_err(IntoResponse::into_response)?;
        return Ok(patch);
    }
    // No type at all: Python's `requests` with `data=json.dumps(..)`. Try it as JSON.
    let bytes = Bytes::from_request(request, state)
        .await
        .map_err(IntoResponse::into_response)?;
    match Json::<PostPatch>::from_bytes(&bytes) {
        Ok(Json(patch)) => Ok(patch),
        // Not a patch after all: what `Json` says to a body without a JSON type.
        Err(_) => Err(MissingJsonContentType::default().into_response()),
    }
}
