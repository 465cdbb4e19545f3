//! Wrong: breaks "a `title` that is empty or only white space (any Unicode white space, as `str::trim` sees it): `422`" for a title of one Hangul filler, U+3164, which is not white space
//! The learner had seen "invisible" names on a forum get past a blank check, and added the
//! Hangul filler to what counts as blank, beside `str::trim`'s white space.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a `PATCH` may change. `Option`: absent (or `null`) is `None`, which keeps the
/// post's value. serde ignores the fields this struct does not name, `id` and `userId` among
/// them, so they can never change.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    // `GET /posts/{id}` is already there: a second `.route` for the same path adds the method
    // to it (a method given twice would panic).
    router.route("/posts/{id}", patch(update_post))
}

/// `PATCH /posts/{id}`: every check first, then every change, so a refused request changes
/// nothing.
async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        if !title.is_empty() && title.chars().all(|c| c.is_whitespace() || c == '\u{3164}') {
            check_title("")?;
        }
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
