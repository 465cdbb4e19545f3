//! Correct: the control for `answer_reencoded_for_accept_charset.rs`: the same reading of `Accept-Charset`, but when the client prefers a charset other than UTF-8 the answer stays UTF-8 JSON, written with every non-ASCII character as a `\u` escape (a pair of them past U+FFFF): pure ASCII, so it reads the same in UTF-8, Latin-1 or any ASCII-compatible charset, and parses to exactly the post `GET /posts/{id}` shows, with `Content-Type: application/json` (no other charset named) and `Vary: Accept-Charset`. Without the header the answer is the reference's, byte for byte.

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
    if !prefers_other_than_utf8(&headers) {
        return Ok(Json(post).into_response());
    }
    let json = serde_json::to_string(&post).expect("a post always serializes");
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (header::VARY, HeaderValue::from_static("accept-charset")),
        ],
        ascii_only(&json),
    )
        .into_response())
}

/// Whether the client's first choice in `Accept-Charset` (highest `q`) is not UTF-8 (nor `*`).
fn prefers_other_than_utf8(headers: &HeaderMap) -> bool {
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
        q > 0.0
            && !name.eq_ignore_ascii_case("utf-8")
            && !name.eq_ignore_ascii_case("utf8")
            && name != "*"
    })
}

/// `json` with each non-ASCII character (only ever inside a string) as `\uXXXX`.
fn ascii_only(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units).iter() {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}
