//! Wrong: breaks "JSON of another shape (`{"title": 5}`, `[]`, `null`: 422; an array of the two fields in order, `["t", "b"]`, which serde's derived `Deserialize` reads as the struct, may be taken as a patch or refused)"
//! The learner's first draft read the body as `#[serde(default)] body: String`; a test showed
//! that a title-only patch wiped the body, so the type became `Option<String>` and the
//! attribute stayed ("harmless: `None` is the default anyway"). For objects it is: absent and
//! `null` are `None` either way. But serde's derived `visit_seq` uses a field's default for a
//! missing element, so a one-element array `["t"]` is now read as a title-only patch and
//! edits the post (200), where the contract's shapes are a 422; `[]` is still refused (the
//! title has no default) and `["t", "b"]` is the allowed reading.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    #[serde(default)]
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
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
