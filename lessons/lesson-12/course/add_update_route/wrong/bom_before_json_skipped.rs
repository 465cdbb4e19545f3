//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: [...] a body that is not JSON (400)"
//! The learner's users edit posts from Windows scripts whose JSON files start with a UTF-8
//! byte-order mark (PowerShell's `Set-Content -Encoding UTF8`, Notepad), which Flask's
//! `request.get_json()` always took (Python's `json.loads` of bytes reads them as `utf-8-sig`), and
//! RFC 8259 §8.1 says a parser "MAY ignore" one. So a small middleware on the new route drops a
//! leading BOM before `Json` reads the body: every listed body is read exactly as before, but `EF
//! BB BF {"title": "t"}` edits the post where the `Json` extractor answers 400.

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Path, Request, State};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// UTF-8's byte-order mark, which some Windows tools write before any text.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The fields a patch may change; serde ignores any other.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route(
        "/posts/{id}",
        patch(update_post).route_layer(middleware::map_request(skip_bom)),
    )
}

/// Reads the body (its own refusals, a body over the limit, are answered as they are) and gives
/// it on without a leading byte-order mark.
async fn skip_bom(request: Request) -> Result<Request, Response> {
    let (parts, body) = request.into_parts();
    let bytes = Bytes::from_request(Request::from_parts(parts.clone(), body), &())
        .await
        .map_err(IntoResponse::into_response)?;
    let bytes = if bytes.starts_with(BOM) {
        bytes.slice(BOM.len()..)
    } else {
        bytes
    };
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
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
    Ok(Json(post.clone()))
}
