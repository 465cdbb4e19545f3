//! Correct: written the Django REST framework way, a serializer with `read_only_fields`: the patch
//! type names the post's `id` and `userId` too, but with `#[serde(skip_deserializing)]`, so serde
//! never reads them (whatever their type: `{"userId": "x"}` is ignored like any unknown field,
//! where a typed `Option<u64>` would be a 422); the checks run in a `validate` step, the change in
//! an `update` step that writes only the writable fields, under the one lock.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The post as a client may send it back: `id` and `userId` are read-only, never read.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PostSerializer {
    #[serde(skip_deserializing)]
    #[allow(dead_code)]
    id: Option<u64>,
    #[serde(skip_deserializing)]
    #[allow(dead_code)]
    user_id: Option<u64>,
    title: Option<String>,
    body: Option<String>,
}

impl PostSerializer {
    /// DRF's `is_valid(raise_exception=True)`: the field rules, before anything is saved.
    fn validate(&self) -> Result<(), ApiError> {
        self.title.as_deref().map_or(Ok(()), check_title)
    }

    /// DRF's `update(instance, validated_data)`: the writable fields that were given.
    fn update(self, instance: &mut Post) {
        if let Some(title) = self.title {
            instance.title = title;
        }
        if let Some(body) = self.body {
            instance.body = body;
        }
    }
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(partial_update))
}

async fn partial_update(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(serializer): Json<PostSerializer>,
) -> Result<Json<Post>, ApiError> {
    serializer.validate()?;
    let mut store = state.store();
    let instance = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    serializer.update(instance);
    Ok(Json(instance.clone()))
}
