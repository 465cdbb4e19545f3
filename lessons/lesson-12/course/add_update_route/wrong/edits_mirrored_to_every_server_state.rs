//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept (later requests see it) and no other post changes" for two servers in one process, each with a store of its own (two `lesson_12::app`s over two `AppState`s, both holding post 1): `PATCH /posts/1` with `{"title": "a"}` to the first and then `{"title": "b"}` to the second leaves post 1 titled `b` in both stores, so the first server's `GET /posts/1` no longer shows the edit it answered, and a patch to one server changes a post of the other.
//!
//! The learner took "`AppState` is a handle: one `Arc` around the store" to mean that keeping
//! a clone of every server's state is cheap, and used it to keep "replicas" in step, the way a
//! blue/green deploy runs two servers in one process: each patch is applied to its own store
//! under one lock, as the hint says, and then to every other store seen lately (the last eight
//! states that served a patch, in a process-wide `static`), one lock at a time so that no two
//! stores are ever locked together. With one server, as in a manual test, every answer and
//! every store is right.
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

use std::sync::{Mutex, PoisonError};

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change; any other field is ignored.
#[derive(Debug, Clone, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

impl PostPatch {
    fn apply(&self, post: &mut Post) {
        if let Some(title) = &self.title {
            post.title.clone_from(title);
        }
        if let Some(body) = &self.body {
            post.body.clone_from(body);
        }
    }
}

/// The states (handles on the stores) of the servers that served a patch lately, newest last,
/// each with the address of its store, which tells one server's state from another's.
static REPLICAS: Mutex<Vec<(usize, AppState)>> = Mutex::new(Vec::new());

/// How many servers' states are kept for replication.
const REPLICAS_KEPT: usize = 8;

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// Where `state`'s store lives: the same for every clone of one server's state.
fn store_address(state: &AppState) -> usize {
    let store = state.store();
    std::ptr::from_ref::<lesson_12::Store>(&store) as usize
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = patch.title.as_deref() {
        check_title(title)?;
    }
    let answer = {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        patch.apply(post);
        post.clone()
    };
    // Keep the other servers in step: replay the patch on every other store seen lately.
    let own = store_address(&state);
    let replicas = {
        let mut replicas = REPLICAS.lock().unwrap_or_else(PoisonError::into_inner);
        replicas.retain(|(address, _)| *address != own);
        replicas.push((own, state.clone()));
        if replicas.len() > REPLICAS_KEPT {
            replicas.remove(0);
        }
        replicas.clone()
    };
    for (address, replica) in &replicas {
        if *address == own {
            continue;
        }
        if let Some(post) = replica.store().get_mut(id) {
            patch.apply(post);
        }
    }
    Ok(Json(answer))
}
