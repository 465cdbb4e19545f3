//! Wrong: breaks "the change is kept (later requests see it)" (the store `GET /posts/{id}` reads is not the one `PATCH` edits)
//! axum's examples end every router with `.with_state(state)`, and this function gets no state, so
//! the learner builds the new route as a router of its own, gives it "the server's posts" the way
//! `main.rs` does (`AppState::new(sample_posts())`), and merges it into the router given. It
//! type-checks, every other route still works on the app's store, and `PATCH` answers a plausible
//! post: but it edits a second store, so a `GET` after it shows no change, and a `PATCH` of an id
//! the app's store lacks but `sample_posts` has (`/posts/4`) answers 200.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title, sample_posts};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let edits = Router::new()
        .route("/posts/{id}", patch(update_post))
        .with_state::<AppState>(AppState::new(sample_posts()));
    router.merge(edits)
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
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
