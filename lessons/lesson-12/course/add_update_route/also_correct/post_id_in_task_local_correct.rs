//! Correct: the control for `post_id_in_thread_local_like_flask_g.rs`: the same Flask-style `url_value_preprocessor` middleware pulls the id out of the path once, but keeps it in a `tokio::task_local!` scoped to this request's future (`POST_ID.scope(id, next.run(request))`), the Rust equivalent of a context variable: it follows the request's task across `.await`s and threads, and no other request, router or runtime ever sees it.

use axum::extract::{Path, Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

tokio::task_local! {
    /// The post the current request is about, for as long as that request runs.
    static POST_ID: u64;
}

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route(
        "/posts/{id}",
        patch(update_post).route_layer(middleware::from_fn(pull_post_id)),
    )
}

/// Reads the id once, for the handler: a path that is not a `u64` is `Path`'s own 400.
async fn pull_post_id(Path(id): Path<u64>, request: Request, next: Next) -> Response {
    POST_ID.scope(id, next.run(request)).await
}

async fn update_post(
    State(state): State<AppState>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    let id = POST_ID.get();
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
