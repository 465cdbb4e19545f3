//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it"
//! The learner writes the view the way every Django view they know does it, cache-aside:
//! `post = cache.get(f"post:{id}") or Post.objects.get(pk=id)`, change it, save it, then
//! `cache.set(..)` ("the store will be a database one day, and the cache is already there"). The
//! cache is a process-wide `static` map, read first, written after every save. Within one server it
//! never disagrees with the store, since only `PATCH` changes a post: every test of one server
//! passes, and so do two servers sent the same patch. But the cache outlives the server: on a second
//! server (another store, another runtime, a parallel test) a post that the first one edited is
//! taken from the cache, not from this store, so a patch of the title alone answers, and writes
//! back, the other server's body and author.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, PoisonError};

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The posts that were edited last, by id: read before the store, written after it.
static POST_CACHE: LazyLock<Mutex<HashMap<u64, Post>>> = LazyLock::new(Mutex::default);

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
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    // Always the store's lock first, then the cache's: one order, no deadlock.
    let mut store = state.store();
    let mut cache = POST_CACHE.lock().unwrap_or_else(PoisonError::into_inner);

    let slot = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    // Cache-aside read: the cached post if there is one, else the store's.
    let mut post = cache.get(&id).cloned().unwrap_or_else(|| slot.clone());
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    // Save, then refresh the cache.
    *slot = post.clone();
    cache.insert(id, post.clone());
    Ok(Json(post))
}
