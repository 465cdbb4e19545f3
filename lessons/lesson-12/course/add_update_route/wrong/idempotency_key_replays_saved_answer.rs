//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept (later requests see it)" for a patch retried with the same `Idempotency-Key` after another request edited the post (patch A `{"title": "a"}` with key `k1`, patch B `{"title": "b"}`, then A again with `k1`: the answer is the saved copy with title "a", and the post keeps "b")
//!
//! Stripe's `Idempotency-Key`, the IETF draft of the same name, and every "safe retries"
//! talk: a client that timed out sends its patch again with the same key, and the server
//! answers it from a table of the answers it already gave instead of running it twice. The
//! table belongs to the router (an `Arc<Mutex<HashMap>>` captured by the handler closure, no
//! `static`), is bounded, and a saved answer is reused only for the same key, the same id and
//! the same patch; refusals are never saved. But a replay does not apply the patch, and
//! answers a post that may no longer be the post: the contract has no replays.

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

/// The fields a `PATCH` may change; `None` keeps the post's value.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// An answer already given under an idempotency key.
#[derive(Debug)]
struct Saved {
    id: u64,
    patch: PostPatch,
    answer: Post,
}

/// The answers given, by idempotency key (its bytes, whatever they are).
type Replays = Mutex<HashMap<Vec<u8>, Saved>>;

/// The most keys kept; past that the table starts again (keys are meant for quick retries).
const MAX_KEYS: usize = 10_000;

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let replays: Arc<Replays> = Arc::default();
    router.route(
        "/posts/{id}",
        patch(
            move |State(state): State<AppState>,
                  Path(id): Path<u64>,
                  headers: HeaderMap,
                  Json(patch): Json<PostPatch>| {
                let replays = Arc::clone(&replays);
                async move { update_post(&replays, &state, id, &headers, patch) }
            },
        ),
    )
}

fn update_post(
    replays: &Replays,
    state: &AppState,
    id: u64,
    headers: &HeaderMap,
    patch: PostPatch,
) -> Result<Json<Post>, ApiError> {
    let key = headers
        .get("idempotency-key")
        .map(|value| value.as_bytes().to_vec());
    if let Some(key) = &key {
        let replays = replays.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(saved) = replays
            .get(key)
            .filter(|saved| saved.id == id && saved.patch == patch)
        {
            return Ok(Json(saved.answer.clone()));
        }
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
        if replays.len() >= MAX_KEYS {
            replays.clear();
        }
        replays.insert(
            key,
            Saved {
                id,
                patch,
                answer: answer.clone(),
            },
        );
    }
    Ok(Json(answer))
}
