//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing" for a patch whose body goes over the app's 16 KiB limit without saying its length (`PATCH /posts/1` with `Content-Type: application/json` and 20,000 bytes streamed with no `Content-Length`): `400` `{"error": "could not read the request body"}` instead of the extractor's `413` `{"error": "Failed to buffer the request body: length limit exceeded"}`.
//!
//! The learner reads the body by hand with `axum::body::to_bytes`, the way the lesson's own
//! `json_errors` reads a body, and does everything else the way `Json` does it: the
//! `Content-Type` is asked of `Json` itself first (so the 415 is `Json`'s), and the bytes are
//! parsed with `Json::from_bytes` (so every 400 and 422 is `Json`'s, word for word). The one
//! thing of their own is the read error, taken for "the client sent a broken body": a 400. But
//! the error the app causes is its body limit's, which `Json` (through `Bytes`) answers 413. A
//! body whose `Content-Length` is over the limit never gets here (the layer answers 413 itself),
//! so every quick test with curl or reqwest, which both send a length, sees the right status.
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
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use serde::de::IgnoredAny;

/// The most of a body the handler itself reads: no bound of its own, since the app's 16 KiB
/// limit is the one that counts.
const NO_LIMIT_OF_OUR_OWN: usize = usize::MAX;

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
    let bytes = match axum::body::to_bytes(request.into_body(), NO_LIMIT_OF_OUR_OWN).await {
        Ok(bytes) => bytes,
        // Whatever went wrong while the body arrived, it came from the client.
        Err(_) => {
            return (StatusCode::BAD_REQUEST, "could not read the request body").into_response();
        }
    };
    let Json(patch) = match Json::<PostPatch>::from_bytes(&bytes) {
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
