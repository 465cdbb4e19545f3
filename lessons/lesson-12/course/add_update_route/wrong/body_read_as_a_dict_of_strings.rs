//! Wrong: breaks "any other field (`id`, `userId`, …) is ignored: a post's id and author never change"
//! The aiohttp habit is `data = await request.json()` and `data.get("title")`: the learner reads
//! the body as a dict, `Json<HashMap<String, Option<String>>>` ("each a string, or null"), and
//! takes `title` and `body` out of it. A patch of those two works, as do extra fields that happen
//! to be strings; but the values of *every* key must now be strings, so a client that sends
//! `{"title": "x", "userId": 1}` (or the whole post back) is refused with a 422.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(mut data): Json<HashMap<String, Option<String>>>,
) -> Result<Json<Post>, ApiError> {
    let title = data.remove("title").flatten();
    let body = data.remove("body").flatten();
    if let Some(title) = &title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = title {
        post.title = title;
    }
    if let Some(body) = body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
