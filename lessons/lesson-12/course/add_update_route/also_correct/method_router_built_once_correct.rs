//! Correct: the control for `router_memoized_in_oncelock.rs`: something is built once for the whole process and cloned on every call, but only what belongs to no caller and holds no data: the method router `patch(update_post)`, in a `static LazyLock`. Each call adds a clone of it to the router it was given (merged with that path's `GET`) and returns that router; the state comes later, from whoever serves it, so two routers, two servers or two runtimes share nothing but the handler's code.

use std::sync::LazyLock;

use axum::extract::{Path, State};
use axum::routing::{MethodRouter, patch};
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// `PATCH` for `/posts/{id}`, built once; no state in it until a router is served.
static PATCH_POST: LazyLock<MethodRouter<AppState>> = LazyLock::new(|| patch(update_post));

/// A patch: each field is changed only when it is sent (absent or `null`: kept).
#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", PATCH_POST.clone())
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
