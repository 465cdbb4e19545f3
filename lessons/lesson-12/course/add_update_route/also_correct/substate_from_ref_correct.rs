//! Correct: axum's "substates" pattern: the handler never names `AppState`, it asks for a state of its own,
//! `Posts`, which axum builds from the app's state through a hand-written `FromRef<AppState>` impl; the edit
//! is a method on that handle (check, then one taking of the lock, then the change in place), and the
//! handler only wraps its result in `Json`.

use axum::extract::{FromRef, Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change; serde ignores the others.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// The part of the app's state this route needs: the posts, to edit.
struct Posts(AppState);

impl FromRef<AppState> for Posts {
    fn from_ref(state: &AppState) -> Posts {
        Posts(state.clone())
    }
}

impl Posts {
    /// Applies `patch` to post `id` and gives the post as it now is; a refused patch changes nothing.
    fn edit(&self, id: u64, patch: PostPatch) -> Result<Post, ApiError> {
        patch.title.as_deref().map(check_title).unwrap_or(Ok(()))?;
        let mut store = self.0.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        post.title = patch
            .title
            .unwrap_or_else(|| std::mem::take(&mut post.title));
        post.body = patch.body.unwrap_or_else(|| std::mem::take(&mut post.body));
        Ok(post.clone())
    }
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(posts): State<Posts>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    posts.edit(id, patch).map(Json)
}
