//! Wrong: breaks "the answer: `200 OK` with the whole post after the change [...]; the change is kept (later requests see it)"
//! The learner brings Flask's `current_app` (and Django's module-level settings) habit: helpers should not have the app threaded through every call, so the first request that reaches the route files `AppState` in a process-wide `OnceLock` ("there is one app; an `AppState` is only an `Arc` handle, cheap to keep"), and the edit itself, a plain function `apply(id, patch)`, finds the store there.
//! Within one server every answer and every edit is right; a second server in the same process (a second app, the next test, one router served with another store) edits and answers from the first server's store, which its clients never see.

use std::sync::OnceLock;

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The app, as Flask's `current_app` gives it: filed by the first request.
static CURRENT_APP: OnceLock<AppState> = OnceLock::new();

fn current_app() -> &'static AppState {
    CURRENT_APP
        .get()
        .expect("the route files the app before any helper runs")
}

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
    CURRENT_APP.get_or_init(|| state);
    apply(id, patch).map(Json)
}

/// The edit, written as a service function: checks first, then one lock, changed in place.
fn apply(id: u64, patch: PostPatch) -> Result<Post, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = current_app().store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(post.clone())
}
