//! Wrong: breaks "a `title` that is empty or only white space (any Unicode white space, as `str::trim` sees it): `422`" (the only title the contract refuses) for a title that cannot be an HTTP header value, anything outside visible ASCII, space and tab (`PATCH /posts/1` with `{"title": "café"}`, an emoji, or a line break): `422` `{"error": "a post's title must be plain text"}` and no change, where the reference answers `200 OK` with the new title.
//!
//! The learner's front end shows a toast, "saved: <title>", and reads the title from a response
//! header, `X-Post-Title`, so as not to parse the body twice. Following the hint's "check
//! everything first", the header value is made before anything changes, and a title that
//! `HeaderValue::from_str` refuses is refused with the API's one kind of 422, so that nothing is
//! half done. Every title typed in an English test is ASCII, so a manual test passes.
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

use axum::extract::{Path, State};
use axum::http::{HeaderName, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

/// The fields a patch may change; any other field is ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// The header the front end reads the saved title from.
static X_POST_TITLE: HeaderName = HeaderName::from_static("x-post-title");

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    // Check everything first: the title, and that it fits in the header the answer carries.
    let title_header = match patch.title.as_deref() {
        Some(title) => {
            check_title(title)?;
            let value = HeaderValue::from_str(title)
                .map_err(|_| ApiError::Invalid("a post's title must be plain text"))?;
            Some(value)
        }
        None => None,
    };
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    let mut answer = Json(post.clone()).into_response();
    drop(store);
    if let Some(value) = title_header {
        answer.headers_mut().insert(X_POST_TITLE.clone(), value);
    }
    Ok(answer)
}
