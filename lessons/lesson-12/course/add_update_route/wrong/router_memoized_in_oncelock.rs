//! Wrong: breaks "`add_update_route(router)` returns `router` with one more route" (and "every route `router` already has keeps working as before")
//! The learner noticed that every test and every app calls this function, read that an axum
//! `Router` is cheap to clone (one `Arc`) while building its routing tree is the costly part, and
//! memoizes: the router with the new route is built on the first call, kept in a `static
//! OnceLock`, and every call hands out a clone of it. The first call is right; every later call
//! drops the router it was given and returns the first call's, with the first call's routes,
//! layers and fallback, whatever the caller had put on its own.

use std::sync::OnceLock;

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The API's router with the edit route, built once for the whole process.
static WITH_PATCH: OnceLock<Router<AppState>> = OnceLock::new();

/// A patch: each field is changed only when it is sent (absent or `null`: kept).
#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    WITH_PATCH
        .get_or_init(|| router.route("/posts/{id}", patch(update_post)))
        .clone()
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
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
