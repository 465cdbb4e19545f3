//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: [...] a body that is not JSON (400)"
//! The API replaces an Express one, whose `express.json()` decodes the body with iconv-lite,
//! which turns bytes that are not UTF-8 into U+FFFD instead of refusing them; an old Windows
//! client sends its accents as Latin-1 (`caf\xE9`) and the learner wants it to keep working
//! ("a � in a title beats a refused edit"). So a small middleware on the route buffers the body
//! and, only when it is not valid UTF-8, hands `Json` the lossy decoding. Every valid body, and
//! every refusal the checks' texts and forms provoke, is unchanged; a JSON body with one stray
//! non-UTF-8 byte inside a string, which `Json` refuses with a 400, is now an edit.

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::header;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route(
        "/posts/{id}",
        patch(update_post).route_layer(middleware::from_fn(lenient_utf8)),
    )
}

/// Reads the body (axum's own `Bytes` extractor, so a body too big is its 413) and, when it is
/// not UTF-8, passes on its lossy decoding, as Express did.
async fn lenient_utf8(request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    let bytes = match Bytes::from_request(Request::new(body), &()).await {
        Ok(bytes) => bytes,
        Err(rejection) => return rejection.into_response(),
    };
    let bytes = if std::str::from_utf8(&bytes).is_ok() {
        bytes
    } else {
        parts.headers.remove(header::CONTENT_LENGTH);
        Bytes::from(String::from_utf8_lossy(&bytes).into_owned())
    };
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
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
