//! Wrong: breaks "a field that is absent or `null` keeps its value"
//! The learner wants the edit log to say which fields a client left out and which it sent as
//! `null`, and copies serde's recipe for telling them apart (`deserialize_some` on an
//! `Option<Option<String>>`), but drops the `default` from `#[serde(default, deserialize_with =
//! "deserialize_some")]`, "an `Option` field is optional anyway". Not once `deserialize_with` is
//! on it: serde's derive then reports an absent field as an error, so a patch of the title alone
//! is a 422 "missing field `body`"; patches that name both fields (`null` included) work.

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
    #[serde(deserialize_with = "deserialize_some")]
    title: Option<Option<String>>,
    #[serde(deserialize_with = "deserialize_some")]
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
