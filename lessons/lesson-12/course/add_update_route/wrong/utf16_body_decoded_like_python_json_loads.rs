//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: [...] a body that is not JSON (400)" for a patch encoded as UTF-16 (with a byte-order mark `FF FE`/`FE FF`, or without one, `{\0"\0t\0...`), as `application/json`
//! The learner ports what Python's `json.loads` does with bytes: it guesses the encoding from the
//! first bytes (RFC 4627's rule, `json.detect_encoding`), so a body that PowerShell or a .NET
//! client wrote as UTF-16 still reads. The body is taken exactly as `Json` takes it (its 415 for
//! the content type first, asked of `Json` itself with an empty body; `Bytes` for the buffering
//! and its 413; `Json::from_bytes` for every refusal), and only a body `Json` calls a syntax
//! error and that looks like UTF-16 is decoded and read again. Every UTF-8 body, which is every
//! body of the common case, is answered exactly as `Json` answers it. But JSON on the wire is
//! UTF-8 (RFC 8259 §8.1), `Json` refuses UTF-16 bytes with a 400, and so must this route; here
//! the patch is applied and answered `200`.

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
use serde::de::IgnoredAny;

/// The fields a `PATCH` may change; absent or `null` is `None`, other fields are ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// `PATCH /posts/{id}`: the body read by hand, then the edit.
async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    request: Request,
) -> Response {
    match read_patch(request, &state).await {
        Ok(patch) => edit(&state, id, patch).into_response(),
        Err(refused) => refused.into_response(),
    }
}

/// The body as `Json` reads it, with `json.loads`'s guess at UTF-16 when it is not UTF-8 JSON.
async fn read_patch(request: Request, state: &AppState) -> Result<PostPatch, JsonRejection> {
    let mut probe = Request::new(Body::empty());
    probe.headers_mut().clone_from(request.headers());
    if let Err(refused @ JsonRejection::MissingJsonContentType(_)) =
        Json::<IgnoredAny>::from_request(probe, state).await
    {
        return Err(refused);
    }
    let bytes = Bytes::from_request(request, state).await?;
    match Json::<PostPatch>::from_bytes(&bytes) {
        Ok(Json(patch)) => Ok(patch),
        Err(refused @ JsonRejection::JsonSyntaxError(_)) => match utf16_text(&bytes) {
            Some(text) => Json::<PostPatch>::from_bytes(text.as_bytes()).map(|Json(patch)| patch),
            None => Err(refused),
        },
        Err(refused) => Err(refused),
    }
}

/// `json.detect_encoding`, its UTF-16 half: a byte-order mark, or a zero byte beside the first
/// ASCII character. `None` when the bytes are not UTF-16 text.
fn utf16_text(bytes: &[u8]) -> Option<String> {
    let (big_endian, payload) = match bytes {
        [0xFE, 0xFF, rest @ ..] => (true, rest),
        [0xFF, 0xFE, rest @ ..] => (false, rest),
        [0, second, ..] if *second != 0 => (true, bytes),
        [first, 0, third, fourth, ..] if *first != 0 && (*third != 0 || *fourth != 0) => {
            (false, bytes)
        }
        _ => return None,
    };
    let pairs = payload.chunks_exact(2);
    if !pairs.remainder().is_empty() {
        return None;
    }
    let units: Vec<u16> = pairs
        .map(|pair| {
            let pair = [pair[0], pair[1]];
            if big_endian {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            }
        })
        .collect();
    String::from_utf16(&units).ok()
}

/// Every check first, then every change, under one lock.
fn edit(state: &AppState, id: u64, patch: PostPatch) -> Result<Json<Post>, ApiError> {
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
