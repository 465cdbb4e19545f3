//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: [...] a body that is not JSON (400)" for a patch sent with `Content-Encoding: gzip` (its body gzip bytes, `Content-Type: application/json`): 415 from the learner's own check instead of the `Json` extractor's 400; and a good patch whose body is plain JSON but carries a `Content-Encoding: gzip` or `br` label is refused with 415 instead of `200 OK` and applied.
//! The learner read RFC 9110 §15.5.16: a server that receives a content coding it does not
//! understand answers 415. axum decodes none (no decompression layer in this app), so an
//! extractor of their own, put before `Json` ("check the headers before reading the body"),
//! refuses any `Content-Encoding` other than `identity`. Nothing the checks usually send carries
//! that header, so every common request is answered as the reference answers it. But the
//! contract's refusals are the extractors' own: a gzip body is a body that is not JSON, which
//! `Json` answers 400, and a body that is JSON is a patch whatever a header says about it.

use axum::Json;
use axum::Router;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// A body with no content coding: `Content-Encoding` absent or `identity`, else 415.
struct IdentityCoding;

impl<S: Send + Sync> FromRequestParts<S> for IdentityCoding {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        for value in parts.headers.get_all(header::CONTENT_ENCODING) {
            let codings = value.to_str().unwrap_or("(not text)");
            for coding in codings.split(',').map(str::trim) {
                if !coding.is_empty() && !coding.eq_ignore_ascii_case("identity") {
                    let message = format!(
                        "unsupported content coding `{coding}`: send the patch uncompressed"
                    );
                    return Err((StatusCode::UNSUPPORTED_MEDIA_TYPE, message).into_response());
                }
            }
        }
        Ok(IdentityCoding)
    }
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    _coding: IdentityCoding,
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
