//! Correct: the handler is a plain `fn` that returns `impl Future + Send` (an `async move` block,
//! the shape of a Python function that returns a coroutine), takes `Path` before `State`, is
//! registered through a `MethodRouter::new().patch(..)` built on its own, checks the title with
//! `Option::map_or(Ok(()), check_title)`, and swaps the new values in with `mem::replace` under
//! the one lock, in a block that ends before the answer is built.

use std::future::Future;

use axum::extract::{Path, State};
use axum::routing::MethodRouter;
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
    let edit: MethodRouter<AppState> = MethodRouter::new().patch(update_post);
    router.route("/posts/{id}", edit)
}

#[expect(
    clippy::manual_async_fn,
    reason = "the variant returns a future of its own on purpose: a handler need not be an `async fn`"
)]
fn update_post(
    Path(id): Path<u64>,
    State(state): State<AppState>,
    Json(changes): Json<PostPatch>,
) -> impl Future<Output = Result<Json<Post>, ApiError>> + Send {
    async move {
        let PostPatch { title, body } = changes;
        title.as_deref().map_or(Ok(()), check_title)?;
        let answer = {
            let mut store = state.store();
            let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
            if let Some(title) = title {
                let _old = std::mem::replace(&mut post.title, title);
            }
            if let Some(body) = body {
                let _old = std::mem::replace(&mut post.body, body);
            }
            post.clone()
        };
        Ok::<Json<Post>, ApiError>(Json(answer))
    }
}
