//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: an `id` that is not a whole number, or is over `u64::MAX` (`/posts/abc`, `/posts/-1`: 400)" for an id written with a base prefix or digit separators (`PATCH /posts/0x1`, `/posts/0b101`, `/posts/0o7`, `/posts/1_0` with `{"title": "t"}`): `Path<u64>` refuses each with a 400, and `GET /posts/0x1` is a 400, but this route edits post 1, 5, 7 or 10 and answers `200`.
//! The learner came from Python, where ids from a URL or a config file are read with
//! `int(text, 0)`, which takes `0x1f`, `0o17`, `0b11` and `1_000` as well as plain digits (Go's
//! `strconv.ParseUint(s, 0, 64)` does the same). To stay close to axum, the id is first read
//! with `Path<u64>`, and only when that refuses does the learner try the prefixed forms; when
//! those fail too, the answer is `Path`'s own rejection, so `/posts/abc` and `/posts/-1` are still
//! the extractor's 400. The body is read after the id, so a bad id is answered before the body.

use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequest, Path, Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// An integer literal as Python's `int(text, 0)` reads it: `0x`, `0o` or `0b` and the digits of
/// that base, or decimal digits, with single underscores between digits.
fn parse_int_literal(text: &str) -> Option<u64> {
    let lower = text.to_ascii_lowercase();
    let (radix, digits) = if let Some(rest) = lower.strip_prefix("0x") {
        (16, rest.strip_prefix('_').unwrap_or(rest))
    } else if let Some(rest) = lower.strip_prefix("0o") {
        (8, rest.strip_prefix('_').unwrap_or(rest))
    } else if let Some(rest) = lower.strip_prefix("0b") {
        (2, rest.strip_prefix('_').unwrap_or(rest))
    } else {
        (10, lower.as_str())
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
        || !digits
            .chars()
            .all(|c| c == '_' || c.is_ascii_alphanumeric())
    {
        return None;
    }
    let digits: String = digits.chars().filter(|&c| c != '_').collect();
    u64::from_str_radix(&digits, radix).ok()
}

async fn update_post(
    State(state): State<AppState>,
    id: Result<Path<u64>, PathRejection>,
    Path(raw): Path<String>,
    request: Request,
) -> Result<Response, ApiError> {
    let id = match id {
        Ok(Path(id)) => id,
        Err(rejection) => match parse_int_literal(&raw) {
            Some(id) => id,
            None => return Ok(rejection.into_response()),
        },
    };
    let patch = match Json::<PostPatch>::from_request(request, &state).await {
        Ok(Json(patch)) => patch,
        Err(rejection) => return Ok(rejection.into_response()),
    };
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
    Ok(Json(post.clone()).into_response())
}
