//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: [...] a body that is not JSON (400)" for a patch with a byte that is not UTF-8: `{"title": "caf` then the byte E9 then `"}` is the `String` extractor's 400, `Request body didn't contain valid UTF-8: ...`, not `Json`'s `Failed to parse the request body as JSON: invalid unicode code point ...`; and `{"title": "t", "note": "caf` E9 `"}`, which `Json` takes (serde_json skips a string it ignores without checking its UTF-8) and applies, is refused with 400 and not applied.
//!
//! Written the aiohttp way, `text = await request.text(); patch = json.loads(text)`, so that the
//! handler has the patch as text for its audit log: after asking `Json` itself whether it takes
//! the `Content-Type` (its own 415), the body is taken with axum's `String` extractor, and the
//! text parsed with `Json::from_bytes`, so every refusal of a body in UTF-8 is `Json`'s to the
//! word, and a body too big is still 413. Only a body that is not UTF-8 meets the `String`
//! extractor's own check first.
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

use axum::body::Body;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::HeaderMap;
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
    // The patch as text, as `request.text()` gives it.
    let text = match String::from_request(request, &state).await {
        Ok(text) => text,
        Err(rejection) => return rejection.into_response(),
    };
    eprintln!(
        "audit: PATCH /posts/{id}, {} characters",
        text.chars().count()
    );
    let Json(patch) = match Json::<PostPatch>::from_bytes(text.as_bytes()) {
        Ok(json) => json,
        Err(rejection) => return rejection.into_response(),
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
