//! Wrong: breaks "the answer: `200 OK` with the whole post after the change" (a query is no part of the request the contract reads: only the id and the body are)
//! The learner writes the edit the way its SQL did, `UPDATE posts SET .. WHERE id = $1 AND
//! ($2 IS NULL OR user_id = $2)`, and reuses the lesson's own `ListQuery`, "the same `?userId=`
//! as the list route": with it, a user edits only their own posts, and a post of another user is
//! a row the `WHERE` does not match, a 404. Without a query, or with any other query, the route is
//! the contract's; `PATCH /posts/1?userId=2` (post 1 is user 1's) is a 404 here, and
//! `?userId=two` a 400 from `Query`, where the contract edits post 1.

use axum::Json;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, ListQuery, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

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
    Query(scope): Query<ListQuery>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = state.store();
    // WHERE id = $1 AND ($2 IS NULL OR user_id = $2)
    let post = store
        .get_mut(id)
        .filter(|post| scope.user_id.is_none_or(|user| post.user_id == user))
        .ok_or(ApiError::NotFound(id))?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
