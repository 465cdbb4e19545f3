//! Wrong: breaks "the body is a JSON object with any of `title` and `body`, each a string; a field that is absent or `null` keeps its value"
//! The learner reuses the body type the lesson already has for a post, `lesson_12::NewPost` ("one
//! type for the post a client sends, as `POST /posts` does"), and applies its `title` and `body`,
//! ignoring its `userId`. A client that sends the whole post back works; a patch of one field
//! (`{"title": "x"}`), `{}` or a `null` is a 422 "missing field" from the `Json` extractor.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, NewPost, check_title};
use lesson_support::models::Post;

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// `PATCH /posts/{id}`: the post's text fields from the body; its author stays.
async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(edit): Json<NewPost>,
) -> Result<Json<Post>, ApiError> {
    check_title(&edit.title)?;
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    // The author never changes: `edit.user_id` is read but not applied.
    post.title = edit.title;
    post.body = edit.body;
    Ok(Json(post.clone()))
}
