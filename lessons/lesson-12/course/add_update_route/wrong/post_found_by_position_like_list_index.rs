//! Wrong: breaks "an `id` that is a whole number (a `u64`) but no post's (`/posts/4` when there is none, or `/posts/5000000000`): `404` with the body `ApiError::NotFound(id)` gives" and "no other post changes", for a store whose ids have gaps or start at 0: with posts 1, 2, 3 and 5, `PATCH /posts/4` with `{"title": "t"}` edits post 5 and answers it with `200`, and `PATCH /posts/5` is a 404; with a post 0, `PATCH /posts/0` is a 404.
//! The learner came from JSONPlaceholder and Python, where the posts are a list and post `id` is
//! `posts[id - 1]`: ids 1 to 100 are the positions 0 to 99. On the lesson's five sample posts
//! (ids 1 to 5, no gaps) that is exactly the same post, so every try with `curl` looked right.
//! The code is careful about it: `checked_sub` so that `/posts/0` cannot underflow, `try_from` for
//! the index, one lock for the lookup and the change, the title checked before anything changes.
//! But a post's id is its key, not its place in the list.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change; `None` when absent or `null`. Other fields are ignored.
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
    if let Some(title) = patch.title.as_deref() {
        check_title(title)?;
    }
    let mut store = state.store();
    // Post `id` is the `id`-th post, as in `posts[id - 1]`; ids count from 1.
    let key = id
        .checked_sub(1)
        .and_then(|index| usize::try_from(index).ok())
        .and_then(|index| store.all().nth(index))
        .map(|post| post.id)
        .ok_or(ApiError::NotFound(id))?;
    let post = store.get_mut(key).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
