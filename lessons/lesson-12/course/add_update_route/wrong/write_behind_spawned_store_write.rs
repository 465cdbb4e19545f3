//! Wrong: breaks "the change is kept (later requests see it)"
//! The learner's Express handlers answered with the updated document and let the save finish on
//! its own (`Post.updateOne(..)` with no `await`, then `res.json(updated)`): "the client doesn't
//! need to wait for the store". Here the answer is the post as the patch makes it, computed on a
//! copy, and the write to the store is a `tokio::spawn`ed task that applies the same fields (field
//! by field, so that no other edit is undone). On a multi-thread runtime over real HTTP the task
//! has usually run by the time the next request comes; but it runs only when the runtime gets to
//! it: on a current-thread runtime, a `GET /posts/{id}` (or a look at the store) right after the
//! answer, with no `.await` that waits in between, still sees the old post, and a runtime dropped
//! right after the answer drops the write with it.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

impl PostPatch {
    fn apply_to(self, post: &mut Post) {
        if let Some(title) = self.title {
            post.title = title;
        }
        if let Some(body) = self.body {
            post.body = body;
        }
    }
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
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    // The answer: the post as this patch leaves it.
    let mut answer = state
        .store()
        .get(id)
        .cloned()
        .ok_or(ApiError::NotFound(id))?;
    patch.clone().apply_to(&mut answer);

    // The save: in the background, the client has its answer already.
    tokio::spawn(async move {
        if let Some(post) = state.store().get_mut(id) {
            patch.apply_to(post);
        }
    });

    Ok(Json(answer))
}
