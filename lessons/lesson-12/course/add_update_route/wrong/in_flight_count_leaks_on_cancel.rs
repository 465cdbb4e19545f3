//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept" once 64 patches to one router have been cut off in flight: 64 `PATCH /posts/1` whose bodies stall until the app's timeout answers each 408 (a train going through a tunnel), or whose clients hang up before the answer; from then on every patch that router serves, however good, is answered `503` `{"error": "too many edits in progress, try again later"}` and nothing changes, for good.
//!
//! The learner sheds load the way an Express or aiohttp middleware does: a counter of the
//! patches in progress, kept by the router (an `Arc<AtomicUsize>` made in `add_update_route`),
//! raised when a patch arrives and lowered after `next.run(request).await` returns; past 64 at
//! once, a 503. It is put on with `route_layer`, so other methods stay the 405 they were, and
//! every patch the checks send one after another, or a dozen at a time, is answered as the
//! reference answers it. But code after an `.await` does not run when the future is dropped:
//! a request the app's `TimeoutLayer` answers, or whose client goes away, never lowers the
//! counter (a guard lowering it in `Drop` would), and the slots it took are lost for good.
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
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::IntoResponse;
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The most patches one router works on at once; past it, a 503.
const MAX_IN_FLIGHT: usize = 64;

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let in_flight = Arc::new(AtomicUsize::new(0));
    let shed_load = middleware::from_fn(move |request: Request, next: Next| {
        let in_flight = Arc::clone(&in_flight);
        async move {
            if in_flight.fetch_add(1, Ordering::SeqCst) >= MAX_IN_FLIGHT {
                in_flight.fetch_sub(1, Ordering::SeqCst);
                let error = ErrorBody {
                    error: "too many edits in progress, try again later".to_owned(),
                };
                return (StatusCode::SERVICE_UNAVAILABLE, Json(error)).into_response();
            }
            let response = next.run(request).await;
            in_flight.fetch_sub(1, Ordering::SeqCst);
            response
        }
    });
    router.route("/posts/{id}", patch(update_post).route_layer(shed_load))
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
