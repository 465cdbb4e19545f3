//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept (later requests see it)" for a post whose id is over `i64::MAX` (a store holding post 9223372036854775808, or post 18446744073709551615, patched at `/posts/9223372036854775808` with `{"title": "t"}`): `404` with `no post 9223372036854775808`, though `GET` shows the post, and nothing is changed.
//! The learner is moving the posts to SQLite, whose `INTEGER PRIMARY KEY` is a signed 64-bit
//! rowid, and writes the edit against that storage type already: the id is turned into a
//! `RowId` at the edge (`i64::try_from`), and an id that does not fit "cannot be a row", so it
//! is answered 404 without taking the lock, a fast path that also keeps scanners off the store.
//! Every id the contract names as missing (`/posts/4`, `/posts/5000000000`, even `u64::MAX`
//! when there is no such post) still gets the right 404; only a post that exists above
//! `i64::MAX`, which the in-memory store holds as any other, can no longer be edited.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, Store, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// A post's key as the storage layer (SQLite's rowid) holds it.
type RowId = i64;

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
    // No row can have a key the rowid cannot hold: answer without the lock.
    let row = RowId::try_from(id).map_err(|_| ApiError::NotFound(id))?;
    let mut store = state.store();
    let post = row_mut(&mut store, row).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}

/// The post stored under `row` (the one place that knows how rows map to the store's keys).
fn row_mut(store: &mut Store, row: RowId) -> Option<&mut Post> {
    u64::try_from(row).ok().and_then(|key| store.get_mut(key))
}
