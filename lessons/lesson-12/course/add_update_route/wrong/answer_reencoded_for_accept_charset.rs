//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it" for a good patch from a client whose `Accept-Charset` prefers Latin-1 (`Accept-Charset: iso-8859-1` with `{"title": "café"}`): the answer is the post encoded in ISO-8859-1 (`caf` then the byte E9), labelled `charset=iso-8859-1`, which is not UTF-8 and so not JSON as `GET` sends it.
//! The learner carries aiohttp's `web.Response(text=..., charset=...)` over: the text is one
//! thing, its encoding is chosen per response, and content negotiation (RFC 9110,
//! `Accept-Charset`) says to use the one the client prefers. So the answer is serialized as usual and
//! then encoded in Latin-1 when that is the client's first choice, each character Latin-1 cannot
//! hold written as a JSON `\u` escape so nothing is lost. Without that header, or with any
//! other preference, the answer is the reference's, byte for byte; an ASCII-only post is the
//! same bytes either way. But JSON exchanged between systems is UTF-8 (RFC 8259 §8.1), and a
//! client that reads the answer as JSON (reqwest's `.json()`, serde_json) refuses it.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
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
    headers: HeaderMap,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let post = {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
        post.clone()
    };
    if !prefers_latin1(&headers) {
        return Ok(Json(post).into_response());
    }
    let json = serde_json::to_string(&post).expect("a post always serializes");
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json; charset=iso-8859-1"),
        )],
        latin1(&json),
    )
        .into_response())
}

/// Whether the client's `Accept-Charset` puts ISO-8859-1 first (highest `q`, first on a tie).
fn prefers_latin1(headers: &HeaderMap) -> bool {
    let Some(value) = headers
        .get(header::ACCEPT_CHARSET)
        .and_then(|value| value.to_str().ok())
    else {
        return false;
    };
    let mut best: Option<(&str, f32)> = None;
    for item in value.split(',') {
        let mut pieces = item.split(';');
        let name = pieces.next().unwrap_or_default().trim();
        if name.is_empty() {
            continue;
        }
        let q = pieces
            .filter_map(|piece| piece.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if best.is_none_or(|(_, best_q)| q > best_q) {
            best = Some((name, q));
        }
    }
    best.is_some_and(|(name, q)| {
        q > 0.0 && (name.eq_ignore_ascii_case("iso-8859-1") || name.eq_ignore_ascii_case("latin1"))
    })
}

/// `json` in ISO-8859-1: a character past U+00FF (only ever inside a string) as `\uXXXX`.
fn latin1(json: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(json.len());
    for c in json.chars() {
        if let Ok(byte) = u8::try_from(u32::from(c)) {
            out.push(byte);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units).iter() {
                out.extend_from_slice(format!("\\u{unit:04x}").as_bytes());
            }
        }
    }
    out
}
