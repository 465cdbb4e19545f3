//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it"
//! An engineer used to Rails and JSON:API answers every write with the resource plus an `updatedAt`
//! stamp ("a client that caches the post needs to know when it changed"). The store's `Post` has no
//! such field, so the stamp is added to the answer only: the post's four members are exactly right,
//! and a check that reads the answer into a `Post` (serde ignores unknown members) sees nothing
//! wrong; `GET /posts/{id}` shows no `updatedAt`.

use std::time::{SystemTime, UNIX_EPOCH};

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
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
    Json(changes): Json<PostPatch>,
) -> Result<Json<Value>, ApiError> {
    if let Some(title) = &changes.title {
        check_title(title)?;
    }
    let updated = {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        if let Some(title) = changes.title {
            post.title = title;
        }
        if let Some(body) = changes.body {
            post.body = body;
        }
        post.clone()
    };
    // The post as JSON, with when it was last changed, in seconds since the epoch.
    let updated_at = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    let mut answer = serde_json::to_value(&updated).unwrap_or(Value::Null);
    if let Value::Object(members) = &mut answer {
        members.insert("updatedAt".to_owned(), Value::from(updated_at));
    }
    Ok(Json(answer))
}
