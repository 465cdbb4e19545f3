//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: [...] a body that is not JSON (400)" for a body that stops before its JSON does: `PATCH /posts/1` with `{"title": "t"` (no closing brace), `{"title": "t",` or `{"title": "t", "body": "half a sent` is closed by the server, applied and answered `200 OK` (the last one sets the body to `half a sent`), where `Json` answers 400 `Failed to parse the request body as JSON: EOF while parsing ...` and nothing changes.
//!
//! The learner has parsed streamed LLM output with the `partial-json` and `json_repair`
//! packages and is kind to clients the same way: when `Json` refuses a body because it ended
//! too early (serde_json's `is_eof`), the server closes what was left open (a string, then the
//! objects and arrays, dropping a dangling comma and giving a dangling colon a `null`) and
//! tries again; any other refusal, and a body that still does not parse, is `Json`'s own. An
//! empty body is not repaired (nothing was opened), so it stays `Json`'s 400, and so do bodies
//! that are wrong anywhere else than at their end.
//!
//! Exercise 17: add a route that edits a post.
//!
//! `add_update_route(router)` returns `router` with one more route: `PATCH /posts/{id}`, which
//! changes some fields of post `id` (JSONPlaceholder's `PATCH`, kept for real). The course's
//! checks serve what you return through `lesson_12::app`, with its layers. Contract:
//! - every route `router` already has keeps working as before;
//! - only `PATCH` edits: `PUT`, `POST` or `DELETE /posts/{id}` stay a 405;
//! - the body is a JSON object with any of `title` and `body`, each a string; a field that is
//!   absent or `null` keeps its value; any other field (`id`, `userId`, …) is ignored: a post's id
//!   and author never change;
//! - the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}`
//!   shows it; the change is kept (later requests see it) and no other post changes;
//! - an `id` that is a whole number (a `u64`) but no post's (`/posts/4` when there is none, or
//!   `/posts/5000000000`): `404` with the body `ApiError::NotFound(id)` gives;
//! - a `title` that is empty or only white space (any Unicode white space, as `str::trim` sees
//!   it): `422` with the body `lesson_12::check_title` gives, and the post is left exactly as
//!   it was (a `body` sent with it is not applied either);
//! - a request the API's extractors refuse is that extractor's answer, and changes nothing: an
//!   `id` that is not a whole number, or is over `u64::MAX` (`/posts/abc`, `/posts/-1`: 400), a
//!   `Content-Type` the `Json` extractor does not take (415; it takes `application/json` and
//!   any `application/…+json`, in any case, with any parameters), a body that is not JSON
//!   (400), JSON of another shape (`{"title": 5}`, `[]`, `null`: 422; an array of the two
//!   fields in order, `["t", "b"]`, which serde's derived `Deserialize` reads as the struct,
//!   may be taken as a patch or refused);
//! - no panic, whatever the request.

use axum::body::{Body, Bytes};
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Path, Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use serde::de::IgnoredAny;

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// The fields a patch may change; any other field is ignored.
#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Checks first, then changes the post in place under one lock.
fn apply(state: &AppState, id: u64, patch: PostPatch) -> Result<Post, ApiError> {
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
    Ok(post.clone())
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    request: Request,
) -> Response {
    // The media type first, as `Json` judges it: ask `Json` itself, with the headers only.
    let mut probe = Request::new(Body::empty());
    *probe.headers_mut() = request.headers().clone();
    if let Err(JsonRejection::MissingJsonContentType(rejection)) =
        Json::<PostPatch>::from_request(probe, &()).await
    {
        return rejection.into_response();
    }
    let bytes = match Bytes::from_request(request, &()).await {
        Ok(bytes) => bytes,
        Err(rejection) => return rejection.into_response(),
    };

    let patch = match Json::<PostPatch>::from_bytes(&bytes) {
        Ok(Json(patch)) => patch,
        Err(rejection) => {
            let cut_short = serde_json::from_slice::<IgnoredAny>(&bytes).is_err_and(|e| e.is_eof());
            let repaired = if cut_short {
                close_what_is_open(&bytes)
            } else {
                None
            };
            match repaired.map(|bytes| Json::<PostPatch>::from_bytes(&bytes)) {
                Some(Ok(Json(patch))) => patch,
                _ => return rejection.into_response(),
            }
        }
    };
    match apply(&state, id, patch) {
        Ok(post) => Json(post).into_response(),
        Err(error) => error.into_response(),
    }
}

/// `{"title": "t", "body": "half` → `{"title": "t", "body": "half"}`; `None` when nothing was
/// left open.
fn close_what_is_open(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut open = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    for &byte in bytes {
        if in_string {
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
            b'"' => in_string = true,
            b'{' => open.push(b'}'),
            b'[' => open.push(b']'),
            b'}' | b']' => {
                open.pop();
            }
            _ => {}
        }
    }
    if open.is_empty() {
        return None;
    }
    let mut repaired = bytes.to_vec();
    if escaped {
        repaired.pop();
    }
    if in_string {
        repaired.push(b'"');
    }
    while repaired.last().is_some_and(u8::is_ascii_whitespace) {
        repaired.pop();
    }
    match repaired.last() {
        Some(b',') => {
            repaired.pop();
        }
        Some(b':') => repaired.extend_from_slice(b"null"),
        _ => {}
    }
    repaired.extend(open.iter().rev());
    Some(repaired)
}
