//! Correct: written the "ports and adapters" way: the handler is generic over a repository
//! trait of the learner's own (`PostRepo`, with one synchronous `edit`), implemented for
//! `AppState`, and the route names the instance, `patch(update_post::<AppState>)`, so the handler
//! itself never touches the store or the lock (a test could hand it another repository). The
//! extractors are the reference's (`State`, `Path<u64>`, `Json` last), so their refusals are
//! theirs; the edit, inside `edit`, checks the title before anything changes, locks the store
//! once, changes the post in place and answers a clone taken under that lock.

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

/// Where posts are edited. A handler asks for one as its state.
trait PostRepo: Clone + Send + Sync + 'static {
    /// Applies `patch` to post `id` and returns the post after it; changes nothing on an error.
    fn edit(&self, id: u64, patch: PostPatch) -> Result<Post, ApiError>;
}

impl PostRepo for AppState {
    fn edit(&self, id: u64, patch: PostPatch) -> Result<Post, ApiError> {
        if let Some(title) = patch.title.as_deref() {
            check_title(title)?;
        }
        let mut store = self.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
        Ok(post.clone())
    }
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post::<AppState>))
}

async fn update_post<R: PostRepo>(
    State(repo): State<R>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    repo.edit(id, patch).map(Json)
}
