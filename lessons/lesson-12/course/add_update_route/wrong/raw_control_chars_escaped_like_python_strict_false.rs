//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: [...] a body that is not JSON (400)" for a patch whose string holds a raw control character, not escaped (`{"body": "line one` then a literal line feed or tab byte then `line two"}`, as `application/json`): serde_json refuses it, but this answer escapes the character, retries, and applies the patch (`200 OK`).
//! The learner's Python clients build some bodies by hand with f-strings, and paste multi-line
//! text straight into them; Python's own `json.loads(..., strict=False)` takes that, so the
//! learner makes the route as forgiving: the `Json` extractor is asked first about the
//! `Content-Type` (so a 415 is still its own), the body is read by the `Bytes` extractor (so a
//! 413 is too), and `Json::from_bytes` parses it; only when that is a syntax error does the
//! answer retry once, with every raw control byte inside a string written as a `\u00XX`
//! escape, and it answers the first refusal when the retry fails too. Everything serde_json
//! takes is read exactly as before. RFC 8259 forbids raw control characters in strings: the
//! body is not JSON, and `Json` answers it 400.

use axum::Json;
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Path, Request, State};
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
        check_title(title).map_err(IntoResponse::into_response)?;
    }
    let mut store = state.store();
    let post = store
        .get_mut(id)
        .ok_or(ApiError::NotFound(id))
        .map_err(IntoResponse::into_response)?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}

/// The patch, as `Json` reads it, with one second chance for raw control characters.
async fn read_patch(request: Request, state: &AppState) -> Result<PostPatch, Response> {
    let (parts, body) = request.into_parts();
    // `Json` looks at the `Content-Type` before it reads anything: ask it, with no body.
    let mut probe = Request::new(Body::empty());
    *probe.headers_mut() = parts.headers.clone();
    if let Err(rejection @ JsonRejection::MissingJsonContentType(_)) =
        Json::<PostPatch>::from_request(probe, state).await
    {
        return Err(rejection.into_response());
    }
    let bytes = Bytes::from_request(Request::from_parts(parts, body), state)
        .await
        .map_err(IntoResponse::into_response)?;
    match Json::<PostPatch>::from_bytes(&bytes) {
        Ok(Json(patch)) => Ok(patch),
        Err(rejection @ JsonRejection::JsonSyntaxError(_)) => escape_raw_controls(&bytes)
            .and_then(|fixed| Json::<PostPatch>::from_bytes(&fixed).ok())
            .map(|Json(patch)| patch)
            .ok_or_else(|| rejection.into_response()),
        Err(rejection) => Err(rejection.into_response()),
    }
}

/// The body with each raw control byte inside a JSON string written as `\u00XX`, as Python's
/// `strict=False` reads it; `None` when there is none to escape.
fn escape_raw_controls(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut fixed = Vec::with_capacity(bytes.len() + 16);
    let mut in_string = false;
    let mut after_backslash = false;
    let mut changed = false;
    for &byte in bytes {
        if in_string {
            if after_backslash {
                after_backslash = false;
            } else if byte == b'\\' {
                after_backslash = true;
            } else if byte == b'"' {
                in_string = false;
            } else if byte < 0x20 {
                fixed.extend_from_slice(format!("\\u{byte:04x}").as_bytes());
                changed = true;
                continue;
            }
        } else if byte == b'"' {
            in_string = true;
        }
        fixed.push(byte);
    }
    changed.then_some(fixed)
}
