//! Correct: the handler is a plain, synchronous `fn` that returns `futures::future::Ready` (an already-finished future, `futures::future::ready(..)`), since nothing in the edit ever waits; axum takes any `FnOnce(extractors) -> impl Future + Send` as a handler, so the extractors, their refusals and their order are the reference's, and the edit (checks first, then the change under one lock) is done before the future is even returned.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::patch;
use futures::future::{Ready, ready};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a `PATCH` may change; absent or `null` is `None`, other fields are ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// `PATCH /posts/{id}`: no `async`, since nothing here waits; the answer is a finished future.
fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Ready<Result<Json<Post>, ApiError>> {
    ready(edit(&state, id, patch))
}

/// Every check first, then every change, under one lock.
fn edit(state: &AppState, id: u64, patch: PostPatch) -> Result<Json<Post>, ApiError> {
    if let Some(title) = patch.title.as_deref() {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    post.title = patch
        .title
        .unwrap_or_else(|| std::mem::take(&mut post.title));
    post.body = patch.body.unwrap_or_else(|| std::mem::take(&mut post.body));
    Ok(Json(post.clone()))
}
