//! Correct: the patch type is not called `PostPatch` but `Edit`, and serde's derived `Deserialize` puts a struct's name into its errors, so `Json`'s 422s for a body of the wrong shape name it: `null` answers `{"error": "Failed to deserialize the JSON body into the target type: invalid type: null, expected struct Edit at line 1 column 4"}`, `[]` `... invalid length 0, expected struct Edit with 2 elements ...`, `"t"` `... expected struct Edit ...`; statuses, every other text, and every answer are the reference's.
//! The contract names no type for the patch (the hints' `PostPatch` is a suggestion), and these
//! refusals are still "that extractor's answer": `Json`'s own status and text, untouched, as a
//! learner who picks another name for the struct gets. Only a check that compares the text of a
//! wrong-shaped body's 422 with the reference's word for word, struct name included, would
//! refuse it. The `{"title": 5}` refusal names the field, not the struct, and is the reference's.
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

/// The fields a `PATCH` may change; any other is ignored.
#[derive(Deserialize)]
struct Edit {
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
    Json(edit): Json<Edit>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &edit.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = edit.title {
        post.title = title;
    }
    if let Some(body) = edit.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
