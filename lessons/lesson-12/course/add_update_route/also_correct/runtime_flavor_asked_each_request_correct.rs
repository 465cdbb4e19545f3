//! Correct: the control for `runtime_flavor_checked_once.rs`: the same `block_in_place` around the
//! store's lock on a multi-thread runtime, but the flavor is asked of the runtime that runs this
//! request (`Handle::current().runtime_flavor()`, a cheap read), every time, so a current-thread
//! runtime after a multi-thread one (or beside it, in another test) edits inline and never panics.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use tokio::runtime::{Handle, RuntimeFlavor};

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
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let edit = move || -> Result<Post, ApiError> {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
        Ok(post.clone())
    };
    let post = if Handle::current().runtime_flavor() == RuntimeFlavor::MultiThread {
        tokio::task::block_in_place(edit)?
    } else {
        edit()?
    };
    Ok(Json(post))
}
