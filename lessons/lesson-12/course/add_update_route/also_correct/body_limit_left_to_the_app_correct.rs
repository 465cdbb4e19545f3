//! Correct: the control for `route_body_limit_pinned_to_16_kib.rs`: the route also says something about body limits, but the opposite: `DefaultBodyLimit::disable()` on the method router turns `Json`'s own 2 MB default off ("the API has one body limit, and it is `app`'s"), so the app's `RequestBodyLimitLayer` is the only limit a patch meets, whatever `Limits` the app is served with; a body over it is still the layer's 413 (by its `Content-Length`, or while a chunked body is read), never read whole.

use axum::extract::{DefaultBodyLimit, Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route(
        "/posts/{id}",
        patch(update_post).layer(DefaultBodyLimit::disable()),
    )
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = patch.title.as_deref() {
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
