//! Wrong: breaks "the change is kept (later requests see it)" for a good patch sent after a patch that the app's timeout has already answered 408: `PATCH /posts/1` with `{"title": "a"}` whose body stalls past the app's 10 s limit (answered `408` `{"error": "request timeout"}`), then `PATCH /posts/1` with `{"title": "b"}` (answered `200 OK`, title `b`), then the first client's last bytes: the post's title silently becomes `a`, from a request its client was told had failed.
//!
//! The learner read that a handler future can be dropped half-way (a client that hangs up, a
//! timeout) and, like aiohttp's `asyncio.shield`, moves the whole request into a task of its
//! own, `tokio::spawn`, which the handler awaits: the body is read with `Json` inside the task,
//! then the edit is made there. Every answer the handler gives is the reference's, in the same
//! order (`Path` first, then `Json`). But when the app's `TimeoutLayer` answers 408, only the
//! waiting handler is dropped; the task lives on, still holding the request's body, and applies
//! the patch whenever the rest of it arrives, seconds or minutes later, over any edit made in
//! between. It also defeats what the chapter says the timeout is for: a client that sends half
//! a body now holds a task for as long as it likes.
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

use axum::extract::{FromRequest, Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

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

/// The id is read here; the body and the edit happen in a task of their own, which a client
/// that goes away (or a timeout) cannot cancel half-way.
async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    request: Request,
) -> Response {
    let shielded = tokio::spawn(async move {
        let Json(patch) = match Json::<PostPatch>::from_request(request, &()).await {
            Ok(patch) => patch,
            Err(rejection) => return rejection.into_response(),
        };
        match apply(&state, id, patch) {
            Ok(post) => Json(post).into_response(),
            Err(error) => error.into_response(),
        }
    });
    match shielded.await {
        Ok(response) => response,
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
