//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it"
//! (for a post that `POST /posts` made after the router's first `PATCH`). The learner wants `/posts/5000000000` and id scans answered without a map lookup: ids are
//! handed out in order, so "no post above the highest id" is a cheap bound, read from the store
//! once, on the first `PATCH`, and kept in the route (a `OnceLock`, "the seed posts are loaded at
//! start-up"). Every post there at the first patch edits fine; a post created by `POST /posts`
//! after it is answered 404, and a router served with a second store keeps the first one's bound.

use std::sync::{Arc, OnceLock};

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let highest: Arc<OnceLock<u64>> = Arc::default();
    router.route(
        "/posts/{id}",
        patch(
            move |State(state): State<AppState>,
                  Path(id): Path<u64>,
                  Json(patch): Json<PostPatch>| {
                let highest = Arc::clone(&highest);
                async move { update_post(&highest, &state, id, patch) }
            },
        ),
    )
}

fn update_post(
    highest: &OnceLock<u64>,
    state: &AppState,
    id: u64,
    patch: PostPatch,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    // ids only grow: nothing above the highest one can be there
    let highest = *highest.get_or_init(|| state.store().all().last().map_or(0, |post| post.id));
    if id > highest {
        return Err(ApiError::NotFound(id));
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
