//! Wrong: breaks "JSON of another shape (`{"title": 5}`, `[]`, `null`: 422 ...)": `[]` is a patch that changes nothing
//! The learner wants the edit log to tell a field left out from one sent as `null`, and copies
//! serde's `deserialize_some` recipe, `#[serde(default, deserialize_with = ..)]`, onto both fields;
//! both keep the post's value, as the contract says. But a struct whose every field has a `default`
//! also reads a JSON array that is too short: `[]` is read as a patch of neither field.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::{Deserialize, Deserializer};

/// Any value that is there, `null` included, is `Some`: `Some(None)` is a `null`, `None` absent.
fn deserialize_some<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

#[derive(Debug, Deserialize)]
struct PostPatch {
    #[serde(default, deserialize_with = "deserialize_some")]
    title: Option<Option<String>>,
    #[serde(default, deserialize_with = "deserialize_some")]
    body: Option<Option<String>>,
}

fn describe(field: &Option<Option<String>>) -> &'static str {
    match field {
        None => "absent",
        Some(None) => "null (kept)",
        Some(Some(_)) => "set",
    }
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
    eprintln!(
        "PATCH /posts/{id}: title {}, body {}",
        describe(&patch.title),
        describe(&patch.body)
    );
    let title = patch.title.flatten();
    let body = patch.body.flatten();
    if let Some(title) = title.as_deref() {
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
