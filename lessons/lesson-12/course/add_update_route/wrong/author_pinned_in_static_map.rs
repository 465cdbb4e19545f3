//! Wrong: breaks "any other field (`id`, `userId`, …) is ignored: a post's id and author never change" (and "the whole post after the change, as `GET /posts/{id}` shows it")
//! The learner reads "a post's id and author never change" as a rule to enforce, not just a field
//! to ignore: belt and braces, the route remembers the first author it sees for each id, in a
//! process-wide map, and puts it back on every edit, "so that no bug anywhere can move a post to
//! another user". The map outlives the store: in a later server whose post with that id belongs
//! to someone else (or a post a `POST` created under an id an earlier store had), the edit hands
//! the post to the earlier store's author.

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The author of each post, by id, as first seen by this route.
static AUTHORS: Mutex<BTreeMap<u64, u64>> = Mutex::new(BTreeMap::new());

fn authors() -> MutexGuard<'static, BTreeMap<u64, u64>> {
    AUTHORS.lock().unwrap_or_else(PoisonError::into_inner)
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
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = patch.title.as_deref() {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    // A post's author never changes: whoever it was first, it stays.
    let author = *authors().entry(id).or_insert(post.user_id);
    post.user_id = author;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
