//! Wrong: breaks "an `id` that is a whole number (a `u64`) but no post's (`/posts/4` when there is none, or `/posts/5000000000`): `404` with the body `ApiError::NotFound(id)` gives": `PATCH /posts/4` with `{"title": "t"}`, when there is no post 4, is `200 OK` with the body `null`, and changes nothing.
//!
//! The learner follows the `Option` that `get_mut` returns instead of turning it into an error:
//! the change is made inside `Option::map`, which also gives the copy for the answer, and the
//! handler answers `Json<Option<Post>>`, which serde writes as the post, or as `null` when
//! there is none ("nothing there"). The title is checked first and everything about a post that
//! exists is right, so every test of posts 1 to 5 passes; only a missing post shows it.
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
    Json(patch): Json<PostPatch>,
) -> Result<Json<Option<Post>>, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let edited = store.get_mut(id).map(|post| {
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
        post.clone()
    });
    Ok(Json(edited))
}
