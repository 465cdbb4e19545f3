//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept"
//! Hint 3 warned about lost updates, so the learner adds optimistic locking without asking the
//! client for a version (Rails' `lock_version`, kept on the server): a process-wide map remembers
//! what this route last wrote into each post, and a post that no longer holds it "was changed by
//! another writer", so the patch is refused with `409 Conflict` rather than clobber that change.
//! In one store nothing else ever writes a title or a body, so it never trips; but the map outlives
//! the server, and a second server's post 1 (its own store, never patched) is "changed": a 409.

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use serde::Deserialize;

/// What this route last wrote into each post: `(title, body)`, by id.
static LAST_WRITTEN: Mutex<BTreeMap<u64, (String, String)>> = Mutex::new(BTreeMap::new());

fn last_written() -> MutexGuard<'static, BTreeMap<u64, (String, String)>> {
    LAST_WRITTEN.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A patch: each field is changed only when it is sent (absent or `null`: kept).
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
) -> Result<Response, ApiError> {
    if let Some(title) = patch.title.as_deref() {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    let mut written = last_written();
    // Optimistic locking: the post must still be what this route left it as.
    if let Some((title, body)) = written.get(&id) {
        if *title != post.title || *body != post.body {
            let conflict = ErrorBody {
                error: format!("post {id} was changed by another writer; read it again"),
            };
            return Ok((StatusCode::CONFLICT, Json(conflict)).into_response());
        }
    }
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    written.insert(id, (post.title.clone(), post.body.clone()));
    Ok(Json(post.clone()).into_response())
}
