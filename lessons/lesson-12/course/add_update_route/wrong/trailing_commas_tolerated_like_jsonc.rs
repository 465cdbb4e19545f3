//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: [...] a body that is not JSON (400)"
//! The learner's admins write patches by hand in curl and copy them out of JavaScript, where
//! `{"title": "x",}` is a fine object literal; VS Code's JSONC and Tailscale's HuJSON take a
//! trailing comma too, so "be liberal in what you accept": a small middleware on the PATCH route
//! buffers the body and, only when it is not valid JSON as sent and becomes valid once the commas
//! before a `}` or `]` are dropped, passes the cleaned body on to the `Json` extractor. Valid JSON is
//! never touched, so every named body gets its usual answer; `{"title": "x",}` is applied (200)
//! where `Json` answers 400.

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use serde::de::IgnoredAny;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route(
        "/posts/{id}",
        patch(update_post).layer(middleware::from_fn(tolerate_trailing_commas)),
    )
}

/// Gives the handler `{"title": "x"}` when the client wrote `{"title": "x",}`.
async fn tolerate_trailing_commas(request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    // Read the body the way `Json` does, so that a body too big is the same 413.
    let bytes = match Bytes::from_request(Request::new(body), &()).await {
        Ok(bytes) => bytes,
        Err(rejection) => return rejection.into_response(),
    };
    let bytes = if serde_json::from_slice::<IgnoredAny>(&bytes).is_ok() {
        bytes
    } else {
        let cleaned = drop_trailing_commas(&bytes);
        if serde_json::from_slice::<IgnoredAny>(&cleaned).is_ok() {
            parts
                .headers
                .insert(header::CONTENT_LENGTH, HeaderValue::from(cleaned.len()));
            Bytes::from(cleaned)
        } else {
            bytes
        }
    };
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// `json` without the commas that come right before a `}` or a `]` (white space between them
/// allowed), leaving strings alone.
fn drop_trailing_commas(json: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    let mut pending_comma: Option<usize> = None;
    for &byte in json {
        if in_string {
            out.push(byte);
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                in_string = false;
            }
            continue;
        }
        match byte {
            b'"' => {
                in_string = true;
                pending_comma = None;
                out.push(byte);
            }
            b'}' | b']' => {
                if let Some(at) = pending_comma.take() {
                    out.remove(at);
                }
                out.push(byte);
            }
            b' ' | b'\t' | b'\n' | b'\r' => out.push(byte),
            b',' => {
                pending_comma = Some(out.len());
                out.push(byte);
            }
            _ => {
                pending_comma = None;
                out.push(byte);
            }
        }
    }
    out
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
