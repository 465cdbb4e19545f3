//! Wrong: breaks "changes some fields of post `id`" (and "no other post changes")
//! The learner ports Flask's `url_value_preprocessor` recipe, where one function pulls the id out of the URL into `g` for every view of a blueprint, so that views never parse it again: a middleware on the route extracts `Path<u64>` and puts the id in a `thread_local!` (Flask's `g` is per request, "and a request runs on one thread"), and the handler reads it from there. A request is a task, not a thread: while a patch's body is still arriving, another PATCH handled on the same thread (always, on a current-thread runtime) overwrites the id, so the slow patch is applied to the other request's post, or answered with a 404 for its id; on a multi-thread runtime the task may also wake on a thread that never saw the id, and the handler panics.

use std::cell::Cell;

use axum::extract::{Path, Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

thread_local! {
    /// The post the current request is about (Flask's `g.post_id`).
    static POST_ID: Cell<Option<u64>> = const { Cell::new(None) };
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
    POST_ID.with(|slot| slot.set(Some(id)));
    next.run(request).await
}

/// The id `pull_post_id` put aside for this request.
fn current_post_id() -> u64 {
    POST_ID
        .with(Cell::get)
        .expect("pull_post_id runs before every PATCH handler")
}

async fn update_post(
    State(state): State<AppState>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    let id = current_post_id();
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
