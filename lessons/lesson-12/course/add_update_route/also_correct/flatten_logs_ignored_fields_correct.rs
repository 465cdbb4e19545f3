//! Correct: the patch type gathers the fields it ignores with `#[serde(flatten)]` into a
//! `serde_json::Map`, to log their names (and a title preview cut by characters, never by bytes);
//! nothing else of them is used. The one visible difference: with `flatten` serde reads only
//! objects, so `["t", "b"]` is refused (the contract allows either) and `[]`'s 422 says "invalid
//! type: sequence" instead of "invalid length 0".

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use serde_json::{Map, Value};

/// The fields a client may change, and the ones it sent that nothing reads.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
    #[serde(flatten)]
    ignored: Map<String, Value>,
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
    if !patch.ignored.is_empty() {
        let names: Vec<&String> = patch.ignored.keys().collect();
        eprintln!("PATCH /posts/{id}: ignoring {names:?}");
    }
    if let Some(title) = &patch.title {
        let preview: String = title.chars().take(40).collect();
        eprintln!("PATCH /posts/{id}: title {preview:?}");
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
