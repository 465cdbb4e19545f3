//! Wrong: breaks "a `title` that is empty or only white space (any Unicode white space, as `str::trim` sees it): `422` with the body `lesson_12::check_title` gives, and the post is left exactly as it was (a `body` sent with it is not applied either)": the 422 is right, word for word, but the post it names is left with an empty title and an empty body (`PATCH /posts/1` with `{"title": " "}` answers 422, and then `GET /posts/1` shows `"title": ""` and `"body": ""`).
//!
//! The learner wanted to check "the title the post will have", new or old, and to do it without
//! a single `clone`: under the one lock, both fields are moved out of the post with
//! `std::mem::take`, each is replaced by the patch's value when there is one, the title is
//! checked, and both are moved back. A good patch, an empty patch and a patch of the body alone
//! all come out right, and a blank title gets the right 422; only the early return of `?`
//! skips the moving back, so the refused patch leaves the post emptied. A quick manual test
//! that sends a blank title and looks at the answer sees nothing wrong.
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
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

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
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;

    // Move the old values out rather than cloning them: each field ends up as the patch's value
    // when it has one, and as the old value otherwise.
    let old_title = std::mem::take(&mut post.title);
    let old_body = std::mem::take(&mut post.body);
    let title = patch.title.unwrap_or(old_title);
    let body = patch.body.unwrap_or(old_body);

    // The rule holds for the title the post will have, whichever it is.
    check_title(&title)?;

    post.title = title;
    post.body = body;
    Ok(Json(post.clone()))
}
