//! Wrong: breaks "`add_update_route(router)` returns `router` with one more route: `PATCH /posts/{id}`" (and "every route `router` already has keeps working as before", "no panic"): the call itself panics.
//! The learner named the path parameter after what it holds, `{post_id}`, as axum's own docs
//! do (`/users/{user_id}/team/{team_id}` beside `Path((user_id, team_id))`), and read it with
//! `Path(post_id): Path<u64>`; the name of a single parameter does not matter to `Path<u64>`,
//! so the handler is right. But the router already has `GET /posts/{id}`, and axum's router
//! (matchit) does not merge `/posts/{post_id}` with `/posts/{id}`: they are two routes whose
//! parameters sit at the same place under different names, a conflict, and `Router::route`
//! panics ("Invalid route \"/posts/{post_id}\": Insertion failed due to conflict with
//! previously registered route: /posts/{id}"). The learner had only tried the handler on a
//! fresh `Router::new()`, where the route is alone and works.

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

/// Returns `router` with `PATCH /posts/{post_id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{post_id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(post_id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(post_id).ok_or(ApiError::NotFound(post_id))?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
