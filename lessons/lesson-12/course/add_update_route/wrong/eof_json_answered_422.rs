//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: [...] a body that is not JSON (400)" for a body that stops before its JSON ends (`PATCH /posts/1` with `Content-Type: application/json` and `{"title": "t"`, no closing brace, or an empty body): `422` instead of `Json`'s 400.
//!
//! The learner reads the body as `Bytes` (so a body too big is `Bytes`'s own 413), asks `Json`
//! itself whether it takes the `Content-Type` (its own 415), and parses with
//! `serde_json::from_slice`, choosing the status from the error the way the contract puts it:
//! "not JSON" is 400, "JSON of another shape" 422, and serde_json has `is_syntax()` for the
//! first, so every other error is taken for the second. But serde_json files a body that ends too
//! soon under a third category, `Eof`, which `Json` answers 400 like any syntax error. Every
//! malformed body that is malformed before its end (`{title}`, `{"title": "t",}`, trailing
//! data) is still 400, so a quick test with a broken body passes. (The messages are `Json`'s
//! prefixes before serde_json's own text, without the `title: ` path `Json` puts before a
//! field's error.)
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
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use serde::de::IgnoredAny;

/// The fields a patch may change; serde ignores the others.
#[derive(Deserialize)]
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
) -> Response {
    if let Some(refusal) = json_type_refusal(request.headers()).await {
        return refusal;
    }
    let bytes = match Bytes::from_request(request, &state).await {
        Ok(bytes) => bytes,
        Err(rejection) => return rejection.into_response(),
    };
    let patch: PostPatch = match serde_json::from_slice(&bytes) {
        Ok(patch) => patch,
        // Not JSON at all: 400.
        Err(error) if error.is_syntax() => {
            return (
                StatusCode::BAD_REQUEST,
                format!("Failed to parse the request body as JSON: {error}"),
            )
                .into_response();
        }
        // JSON, but not a patch: 422.
        Err(error) => {
            return (
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("Failed to deserialize the JSON body into the target type: {error}"),
            )
                .into_response();
        }
    };
    match apply(&state, id, patch) {
        Ok(post) => Json(post).into_response(),
        Err(error) => error.into_response(),
    }
}

/// `Json`'s own 415, if `Json` would not take this `Content-Type`: asked of `Json` itself, with
/// the request's headers and an empty body (whose own refusal, not JSON, is not the question).
async fn json_type_refusal(headers: &HeaderMap) -> Option<Response> {
    let mut probe = Request::new(Body::empty());
    *probe.headers_mut() = headers.clone();
    match Json::<IgnoredAny>::from_request(probe, &()).await {
        Err(JsonRejection::MissingJsonContentType(rejection)) => Some(rejection.into_response()),
        _ => None,
    }
}

/// Checks the patch, then changes post `id` in place under one lock and returns a copy of it.
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
