//! Wrong: breaks "the body is a JSON object with any of `title` and `body`, each a string"
//! The learner ports aiohttp's `request.json()`, which is `json.loads(await request.text())`, and
//! `text()` decodes the body with the charset the request declares (`request.charset or "utf-8"`).
//! Rust's std decodes one charset besides UTF-8 for free, ISO-8859-1 ("old PHP and Java clients
//! still label their bodies so"), so a body declared `charset=ISO-8859-1` is turned from Latin-1
//! into UTF-8 before `Json` reads it. RFC 8259 §11 says a charset parameter "really has no effect
//! on compliant recipients": a UTF-8 `{"title": "café"}` sent with that label is stored as "cafÃ©"
//! (the `Json` extractor takes the same request and stores "café"), and the Latin-1 byte `E9`,
//! which `Json` refuses with a 400, becomes an edit.

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::{HeaderMap, header};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

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
        patch(update_post).route_layer(middleware::map_request(decode_declared_charset)),
    )
}

/// Whether the request says its body is ISO-8859-1 (`; charset=latin1` and its spellings).
fn declares_latin1(headers: &HeaderMap) -> bool {
    let Some(content_type) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
    else {
        return false;
    };
    content_type
        .split(';')
        .skip(1)
        .filter_map(|param| param.split_once('='))
        .any(|(name, value)| {
            let value = value.trim().trim_matches('"').to_ascii_lowercase();
            name.trim().eq_ignore_ascii_case("charset")
                && matches!(
                    value.as_str(),
                    "iso-8859-1" | "iso_8859-1" | "latin1" | "latin-1" | "l1"
                )
        })
}

/// Hands `Json` the body as UTF-8, as aiohttp's `request.text()` would have decoded it.
async fn decode_declared_charset(request: Request) -> Result<Request, Response> {
    if !declares_latin1(request.headers()) {
        return Ok(request);
    }
    let (mut parts, body) = request.into_parts();
    let bytes = Bytes::from_request(Request::from_parts(parts.clone(), body), &())
        .await
        .map_err(IntoResponse::into_response)?;
    // Each Latin-1 byte is the code point of the same number.
    let text: String = bytes.iter().map(|&byte| char::from(byte)).collect();
    parts.headers.remove(header::CONTENT_LENGTH);
    Ok(Request::from_parts(parts, Body::from(text)))
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
