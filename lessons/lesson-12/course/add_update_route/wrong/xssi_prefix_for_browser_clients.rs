//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it" for a good patch sent by a browser (any request with a `Sec-Fetch-Mode` header, which every browser's `fetch` and XHR send: `PATCH /posts/1` with `Sec-Fetch-Mode: cors` and `{"title": "t"}`): the edit is kept, but the answer is `)]}',` and a line break before the post's JSON, which is not JSON.
//!
//! The learner read about JSON hijacking (OWASP, Google's "JSON vulnerability protection") and
//! protects the answers a browser can see the way Google's APIs do: with the prefix `)]}',`
//! that makes the text unusable as a script. Angular's `HttpClient` strips that prefix by itself,
//! so the learner's own front end keeps working, and curl, reqwest and every test client that
//! sends no `Sec-Fetch-*` header get the plain JSON, as `GET` gives it.
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
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

/// The prefix that keeps a JSON answer from being read as a script (Angular strips it).
const XSSI_PREFIX: &[u8] = b")]}',\n";

/// The fields a patch may change; serde reads an absent or `null` field as `None`.
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
    if let Some(title) = patch.title.as_deref() {
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

    // Only a browser can be tricked into loading the answer as a script, and only browsers send
    // the `Sec-Fetch-*` headers.
    if !headers.contains_key("sec-fetch-mode") {
        return Ok(Json(post).into_response());
    }
    let mut bytes = XSSI_PREFIX.to_vec();
    if serde_json::to_writer(&mut bytes, &post).is_err() {
        return Ok(StatusCode::INTERNAL_SERVER_ERROR.into_response());
    }
    Ok(([(header::CONTENT_TYPE, "application/json")], bytes).into_response())
}
