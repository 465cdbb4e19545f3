//! Wrong: breaks "no panic, whatever the request" for the 256th good patch of one post through one router (`PATCH /posts/1` with `{"title": "t<n>"}` sent 256 times in a row: the 256th edit is applied, then `revision += 1` overflows a `u8` and the handler panics, so no answer comes).
//! The learner sends a revision number with each answer, as an `ETag` (`"1-7"`: post 1, 7th
//! edit), "so clients can cache", and keeps the counters in a map that belongs to the router
//! (an `Extension` on the method router, so nothing is process-wide). A `u8` "is plenty for a
//! demo": nobody edits one post 255 times. 120 patches in a row are fine; the 256th edit of
//! the same post panics in the dev and test profiles (overflow checks on), every later patch of
//! it too, and each leaves the answer missing.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use axum::Json;
use axum::Router;
use axum::extract::{Extension, Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// How many times each post was edited through this router.
#[derive(Debug, Clone, Default)]
struct Revisions(Arc<Mutex<HashMap<u64, u8>>>);

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route(
        "/posts/{id}",
        patch(update_post).layer(Extension(Revisions::default())),
    )
}

async fn update_post(
    State(state): State<AppState>,
    Extension(revisions): Extension<Revisions>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<impl IntoResponse, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let post = {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
        post.clone()
    };
    let revision = {
        let mut map = revisions.0.lock().unwrap_or_else(PoisonError::into_inner);
        let revision = map.entry(id).or_insert(0);
        *revision += 1;
        *revision
    };
    let etag = format!("\"{id}-{revision}\"");
    Ok(([(header::ETAG, etag)], Json(post)))
}
