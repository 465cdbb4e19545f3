//! Wrong: breaks "no panic, whatever the request"
//! The learner logs each edit with a short preview of the new title, Python's `title[:40]`, and
//! having learned that `&title[..40]` panics on a short title writes
//! `&title[..title.len().min(40)]`. ASCII titles of any length, an empty one and a single
//! zero-width space (3 bytes) are fine; a title whose 40th byte falls inside a character (`"a"`
//! followed by thirty `"é"`, or any non-ASCII title longer than 40 bytes whose characters do not
//! line up) panics the handler.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The most of a title the log line shows.
const PREVIEW: usize = 40;

/// The fields a client may change; absent or `null` is `None`, the rest is ignored.
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
        eprintln!(
            "PATCH /posts/{id}: title {:?}",
            &title[..title.len().min(PREVIEW)]
        );
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
    Ok(Json(post.clone()))
}
