//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it": the answer is the id and the fields the patch changed (`PATCH /posts/1` with `{"title": "t"}` answers `{"id": 1, "title": "t"}`, and `{}` answers `{"id": 1}`), not the whole post with its `userId` and `body`.
//! The learner wrote the handler as the aiohttp version they had, `return
//! web.json_response({"id": post_id, **changes})`: the client already knows the rest of the
//! post, so the answer says what was applied, which also keeps a 16 KiB body that was not
//! touched out of the answer. The edit itself is right: checks first, one lock, the post
//! changed in place, and the change kept.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;
use serde_json::{Map, Value};

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
    Json(patch): Json<PostPatch>,
) -> Result<Json<Value>, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut changes = Map::new();
    changes.insert("id".to_owned(), Value::from(id));
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = patch.title {
        changes.insert("title".to_owned(), Value::String(title.clone()));
        post.title = title;
    }
    if let Some(body) = patch.body {
        changes.insert("body".to_owned(), Value::String(body.clone()));
        post.body = body;
    }
    Ok(Json(Value::Object(changes)))
}
