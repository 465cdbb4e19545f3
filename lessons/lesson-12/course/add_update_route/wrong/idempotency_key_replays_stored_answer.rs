//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept (later requests see it)" for a patch that repeats an earlier one's `Idempotency-Key` (same id, same fields) after the post was changed in between, or on a second server of the same router
//! The learner brings Stripe's habit (and the IETF `Idempotency-Key` draft's): a client that
//! retries a write after a timeout sends the same `Idempotency-Key`, and the server answers the
//! retry with the answer it kept instead of doing the write again. The keys are kept per router
//! (an `Arc` captured by the handler, so nothing is `static`), with the patch they came with, and
//! a key sent with a different patch is treated as a new request. Patches without the header,
//! which is every patch of the common case, are applied as the contract says. But a `PATCH` here
//! is no retry protocol: a repeated key after another edit (`{"title": "A"}` with key K, then
//! `{"title": "B"}` without a key, then `{"title": "A"}` with K again) answers the old post with
//! title "A" and leaves "B" in the store, where the contract wants "A" applied and answered; and
//! the same router served again with a store of its own answers posts from the first store.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a `PATCH` may change; absent or `null` is `None`, other fields are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// The answers kept for replays: by post id and key, with the patch that was sent.
type Replays = Arc<Mutex<HashMap<(u64, String), (PostPatch, Post)>>>;

/// How many keys a router keeps before it forgets them all (Stripe keeps them 24 hours).
const REPLAYS_KEPT: usize = 1024;

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let replays = Replays::default();
    router.route(
        "/posts/{id}",
        patch(
            move |state: State<AppState>,
                  path: Path<u64>,
                  headers: HeaderMap,
                  json: Json<PostPatch>| {
                update_post(Arc::clone(&replays), state, path, headers, json)
            },
        ),
    )
}

/// `PATCH /posts/{id}`, with retries answered from what was kept.
async fn update_post(
    replays: Replays,
    State(state): State<AppState>,
    Path(id): Path<u64>,
    headers: HeaderMap,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    let key = headers
        .get("idempotency-key")
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let replayed = key.as_ref().and_then(|key| {
        replays
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&(id, key.clone()))
            .filter(|(sent, _)| *sent == patch)
            .map(|(_, answer)| answer.clone())
    });
    if let Some(answer) = replayed {
        return Ok(Json(answer));
    }

    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let answer = {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        if let Some(title) = &patch.title {
            post.title.clone_from(title);
        }
        if let Some(body) = &patch.body {
            post.body.clone_from(body);
        }
        post.clone()
    };
    if let Some(key) = key {
        let mut replays = replays.lock().unwrap_or_else(PoisonError::into_inner);
        if replays.len() >= REPLAYS_KEPT {
            replays.clear();
        }
        replays.insert((id, key), (patch, answer.clone()));
    }
    Ok(Json(answer))
}
