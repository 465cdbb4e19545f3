//! Wrong: breaks "a field that is absent or `null` keeps its value"
//! The learner comes from Django REST framework, where a `CharField(required=False)` may be left
//! out of a `partial=True` update but refuses `null` ("This field may not be null.") unless it says
//! `allow_null=True`. Knowing that serde's `Option<String>` reads `null` and absent alike, they
//! keep `#[serde(default)]` for absence and read the value itself as a `String`, so `{"title":
//! null}` is the `Json` extractor's 422, the way DRF answers a null it does not allow.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::{Deserialize, Deserializer};

/// DRF's `CharField(required=False, allow_null=False)`: may be left out, may not be `null`.
fn present_string<'de, D>(deserializer: D) -> Result<Option<String>, D::Error>
where
    D: Deserializer<'de>,
{
    String::deserialize(deserializer).map(Some)
}

/// The partial update's serializer: both fields optional, neither nullable.
#[derive(Debug, Deserialize)]
struct PostPatch {
    #[serde(default, deserialize_with = "present_string")]
    title: Option<String>,
    #[serde(default, deserialize_with = "present_string")]
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
