//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept (later requests see it)"
//! The learner's clients (reqwest with retries, a double-clicked "save" button) often send one
//! PATCH twice in a row, so the handler remembers the last patch and its answer and answers a
//! repeat from that memo ("an idempotent request needs no second edit"). `add_update_route` is
//! given only a router and `AppState` has no room for more, so the memo is a `static`. Within one
//! server that is harmless (only a PATCH changes a post, and every PATCH replaces the memo, under
//! the store's lock); but the memo is the process's, not the store's: a second server in the same
//! process that gets the same patch for the same id is answered with the first server's post (a
//! 200 even when it has no such post), and its own post is never changed.

use std::sync::{Mutex, PoisonError};

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

/// The last edit made, and what it answered.
struct Memo {
    id: u64,
    title: Option<String>,
    body: Option<String>,
    answer: Post,
}

/// Lives as long as the process: a retried PATCH is answered from here.
static LAST_EDIT: Mutex<Option<Memo>> = Mutex::new(None);

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
    // The store first, then the memo: every PATCH takes them in this order.
    let mut store = state.store();
    let mut last = LAST_EDIT.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(memo) = last.as_ref() {
        if memo.id == id && memo.title == patch.title && memo.body == patch.body {
            // The same edit again: it was made already, and nothing changed the post since.
            return Ok(Json(memo.answer.clone()));
        }
    }
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = &patch.title {
        post.title.clone_from(title);
    }
    if let Some(body) = &patch.body {
        post.body.clone_from(body);
    }
    let answer = post.clone();
    *last = Some(Memo {
        id,
        title: patch.title,
        body: patch.body,
        answer: answer.clone(),
    });
    Ok(Json(answer))
}
