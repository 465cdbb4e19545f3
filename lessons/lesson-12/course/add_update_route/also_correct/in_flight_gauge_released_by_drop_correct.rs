//! Correct: the control for `in_flight_count_leaks_on_cancel.rs`: the route carries a middleware of the learner's own (`route_layer`, so only the `PATCH` endpoint meets it and other methods stay the 405 they were) that counts the patches in progress per router, in an `Arc<AtomicUsize>`, with an RAII guard whose `Drop` lowers the count, so a patch cut off by the app's timeout or by a client that hangs up gives its slot back as surely as one that is answered; the count only feeds a log line (a new high-water mark goes to stderr), and no request is ever refused or delayed for it.
//!
//! Unusual for the checks: state the router owns and shares between requests, a middleware
//! that runs on every patch (refused ones included), and a `Drop` impl doing work; the handler
//! itself is the reference's (`State`, `Path<u64>`, then `Json`, title checked first, one lock).
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

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::extract::{Path, Request, State};
use axum::middleware::{self, Next};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The patches a router is working on right now, and the most it has ever had at once.
#[derive(Default)]
struct Gauge {
    now: AtomicUsize,
    most: AtomicUsize,
}

/// One patch in progress: counted when made, uncounted when dropped, whether the patch was
/// answered, refused, timed out or abandoned by its client.
struct InFlight(Arc<Gauge>);

impl InFlight {
    fn start(gauge: &Arc<Gauge>) -> InFlight {
        let now = gauge.now.fetch_add(1, Ordering::SeqCst) + 1;
        if gauge.most.fetch_max(now, Ordering::SeqCst) < now {
            eprintln!("PATCH /posts/{{id}}: {now} patches in progress at once, the most yet");
        }
        InFlight(Arc::clone(gauge))
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.now.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let gauge = Arc::new(Gauge::default());
    let count_in_flight = middleware::from_fn(move |request: Request, next: Next| {
        let in_flight = InFlight::start(&gauge);
        async move {
            let response = next.run(request).await;
            drop(in_flight);
            response
        }
    });
    router.route(
        "/posts/{id}",
        patch(update_post).route_layer(count_in_flight),
    )
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

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    apply(&state, id, patch).map(Json)
}
