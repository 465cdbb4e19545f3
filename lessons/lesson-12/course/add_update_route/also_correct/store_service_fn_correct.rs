//! Correct: written the "thin handler, service layer" way (Spring's `@Service`, Django's services
//! module): the whole edit is a plain function over `&mut Store` that validates, finds and changes
//! the post and returns its new state, testable without axum; the handler only takes the lock once
//! and calls it. The title is checked with `Option::iter().try_for_each`, and the route's method
//! router is named before it is added.

use axum::extract::{Path, State};
use axum::routing::{MethodRouter, patch};
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, Store, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a client may change; anything else in the body is ignored.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let edit: MethodRouter<AppState> = patch(update_post);
    router.route("/posts/{id}", edit)
}

/// The service: every check first, then the change, all on the one store it is given.
fn apply_patch(store: &mut Store, id: u64, patch: PostPatch) -> Result<Post, ApiError> {
    patch
        .title
        .iter()
        .try_for_each(|title| check_title(title))?;
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(post.clone())
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    let mut store = state.store();
    apply_patch(&mut store, id, patch).map(Json)
}
