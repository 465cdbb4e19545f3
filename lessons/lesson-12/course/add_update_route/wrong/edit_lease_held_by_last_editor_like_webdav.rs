//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept (later requests see it)" for a good patch from a second client soon after another client's: `PATCH /posts/1` with `{"title": "a"}` and `User-Agent: curl/8.5.0`, then, within 30 s, `PATCH /posts/1` with `{"title": "b"}` and `User-Agent: python-requests/2.32`: the second is answered `423 Locked` `{"error": "post 1 is being edited by another client"}` and post 1 keeps title `a`.
//!
//! The learner wants to spare two people editing one post from overwriting each other (the
//! "someone else is editing this page" of a wiki, WebDAV's `LOCK`): a successful patch gives
//! its client a 30-second lease on the post, the client known by its `User-Agent`, kept in a
//! map the router owns (made in `add_update_route`, behind a std `Mutex` that no `.await`
//! crosses). The same client may go on editing, and renews the lease each time; another client
//! is refused until the lease runs out. A test suite whose requests all come from one client,
//! or none with a `User-Agent`, sees every answer the reference gives.
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

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use serde::Deserialize;

/// How long a client keeps a post to itself after editing it.
const LEASE: Duration = Duration::from_secs(30);

/// Post id → the client holding its lease, and until when.
type Leases = Arc<Mutex<HashMap<u64, (String, Instant)>>>;

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let leases: Leases = Arc::default();
    router.route(
        "/posts/{id}",
        patch(
            move |state: State<AppState>,
                  id: Path<u64>,
                  headers: HeaderMap,
                  patch: Json<PostPatch>| {
                let leases = Arc::clone(&leases);
                async move { update_post(state, id, headers, patch, &leases) }
            },
        ),
    )
}

/// The fields a patch may change; any other field is ignored.
#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    headers: HeaderMap,
    Json(patch): Json<PostPatch>,
    leases: &Leases,
) -> Response {
    let client = headers
        .get(header::USER_AGENT)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
        .unwrap_or_default();

    if let Some(title) = &patch.title {
        if let Err(error) = check_title(title) {
            return error.into_response();
        }
    }
    let mut leases = leases.lock().unwrap_or_else(PoisonError::into_inner);
    let now = Instant::now();
    if let Some((holder, until)) = leases.get(&id) {
        if *holder != client && now < *until {
            let error = ErrorBody {
                error: format!("post {id} is being edited by another client"),
            };
            return (StatusCode::LOCKED, Json(error)).into_response();
        }
    }

    let mut store = state.store();
    let Some(post) = store.get_mut(id) else {
        return ApiError::NotFound(id).into_response();
    };
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    let answer = post.clone();
    leases.insert(id, (client, now + LEASE));
    Json(answer).into_response()
}
