//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; [...] no other post changes"
//! The learner wants the store's one lock held as briefly as possible and has read that a
//! `thread_local!` needs no lock at all: each worker thread keeps its own copy of the posts it
//! has edited, the edit is made on that copy, and the copy is written through to the store so
//! that `GET` sees it ("a CPU cache: write-through, so the store is always up to date"). On one
//! thread with one store that is coherent, since only a PATCH changes a post. But the copy is
//! the thread's, not the store's: a second store served on the same thread (a new server, or a
//! check's fresh store) gets the first store's post back, title, body and author, over its own;
//! and on a multi-thread runtime, two threads that edit one post each write back their own
//! stale copy, undoing the other's field.

use std::cell::RefCell;
use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a PATCH may change; absent or `null` is `None`, and keeps its value.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

thread_local! {
    /// The posts this worker thread has edited, as it last left them.
    static EDITED: RefCell<HashMap<u64, Post>> = RefCell::new(HashMap::new());
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
    // This thread's copy if it has one; the store's otherwise (one short lock).
    let cached = EDITED.with_borrow(|edited| edited.get(&id).cloned());
    let mut post = match cached {
        Some(post) => post,
        None => state
            .store()
            .get(id)
            .cloned()
            .ok_or(ApiError::NotFound(id))?,
    };
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    // Write through: the store holds what the copy holds.
    {
        let mut store = state.store();
        let slot = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        *slot = post.clone();
    }
    EDITED.with_borrow_mut(|edited| edited.insert(id, post.clone()));
    Ok(Json(post))
}
