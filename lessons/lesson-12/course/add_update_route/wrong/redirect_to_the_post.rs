//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON"
//! The learner brings the Post/Redirect/Get habit of Rails (`redirect_to @post`) and Django
//! (`redirect(post)`): a write answers with axum's `Redirect::to("/posts/{id}")`, a `303 See
//! Other`, "so the client reads the post from its one canonical route". reqwest and browsers
//! follow a 303 with a `GET`, so a client-side try shows the edited post; the answer itself is a
//! 303 with a `Location` and no body.

use axum::extract::{Path, State};
use axum::response::Redirect;
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

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
) -> Result<Redirect, ApiError> {
    if let Some(title) = patch.title.as_deref() {
        check_title(title)?;
    }
    {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
    }
    Ok(Redirect::to(&format!("/posts/{id}")))
}
