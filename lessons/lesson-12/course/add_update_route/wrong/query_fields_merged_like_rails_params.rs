//! Wrong: breaks "the body is a JSON object with any of `title` and `body` [...]; a field that is absent or `null` keeps its value"
//! The learner comes from Rails (`params` is the query string and the body merged, the body
//! winning), Flask's `request.values` and PHP's `$_REQUEST`, and wants
//! `curl -X PATCH '.../posts/1?title=Hello' -H 'content-type: application/json' -d '{}'` to work
//! "as it does everywhere else". The query is read as a map, so `?userId=2` or `?userId=two` are
//! ignored as before, and a field the JSON leaves out or sets to `null` is taken from the query:
//! `PATCH /posts/1?title=Other` with `{}` changes the title, and `?title=` answers 422.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
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
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Query(mut query): Query<HashMap<String, String>>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    // Like Rails' params: the body wins, the query fills in what the body does not say.
    let title = patch.title.or_else(|| query.remove("title"));
    let body = patch.body.or_else(|| query.remove("body"));
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
