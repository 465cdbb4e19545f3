//! Wrong: breaks "a field that is absent or `null` keeps its value"
//! The learner read that PATCH with JSON is a "JSON Merge Patch" (RFC 7396), where `null` means
//! "remove this member", and copied serde's recipe for telling `null` from absent
//! (`Option<Option<T>>` with `deserialize_with`; a flattened map takes the members it ignores). So
//! `{"body": null}` empties the body, and `{"title": null}` empties the title, which `check_title`
//! then refuses with a 422; absent fields, strings and bad types behave as asked.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

#[derive(Deserialize)]
struct MergePatch {
    /// `None`: absent, keep it; `Some(None)`: `null`, remove it; `Some(Some(text))`: set it.
    #[serde(default, deserialize_with = "present")]
    title: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    body: Option<Option<String>>,
    /// Every other member (`id`, `userId`, ...): read, and ignored.
    #[serde(flatten)]
    _ignored: Map<String, Value>,
}

/// A member that is there, `null` or not.
fn present<'de, D>(deserializer: D) -> Result<Option<Option<String>>, D::Error>
where
    D: Deserializer<'de>,
{
    Option::<String>::deserialize(deserializer).map(Some)
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<MergePatch>,
) -> Result<Json<Post>, ApiError> {
    // A removed member is an empty one: a post has no optional fields.
    let title = patch.title.map(Option::unwrap_or_default);
    let body = patch.body.map(Option::unwrap_or_default);
    if let Some(title) = &title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = title {
        post.title = title;
    }
    if let Some(body) = body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
