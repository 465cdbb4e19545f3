//! Wrong: breaks "a `title` that is empty or only white space (any Unicode white space, as `str::trim` sees it): `422`" (the only title a patch is refused for)
//! The learner brings Rails' `validates :title, presence: true, uniqueness: true` (and Django's
//! `unique=True` on a slug's source): "two posts with one title confuse readers and break slugs".
//! Under the lock, after the blank check and the lookup, a title that another post already has is a
//! 422 of the API's shape, and the post's own title (a client that sends the post back) is allowed.
//! Every new title passes; `PATCH /posts/1` with post 2's title is refused.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change; `null` or absent keeps the value.
#[derive(Debug, Deserialize)]
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
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = state.store();
    if store.get(id).is_none() {
        return Err(ApiError::NotFound(id));
    }
    if let Some(title) = &patch.title {
        let taken = store
            .all()
            .any(|other| other.id != id && other.title == *title);
        if taken {
            return Err(ApiError::Invalid("another post already has this title"));
        }
    }
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
