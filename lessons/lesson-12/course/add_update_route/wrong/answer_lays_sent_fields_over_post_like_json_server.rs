//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it"
//! The learner copies the mock server's PATCH answer, "the stored item with the sent fields laid
//! over it; existing fields keep their place, new ones are appended" (json-server's
//! `Object.assign`), leaving out only `id` and `userId`, which the contract says never change. The
//! store is right (only `title` and `body` are kept), but the answer echoes every other field sent:
//! `{"title": "t", "Title": "T"}` answers a post with a `"Title"` member that `GET` never shows.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;
use serde_json::{Map, Value};

/// The fields a patch may change, and the others it was sent, to lay over the answer.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
    #[serde(flatten)]
    rest: Map<String, Value>,
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
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    let mut answer = match serde_json::to_value(&*post) {
        Ok(Value::Object(fields)) => fields,
        _ => Map::new(),
    };
    drop(store);
    // As JSONPlaceholder answers a PATCH: the item with the sent fields over it, except the
    // ones that never change.
    for (key, value) in patch.rest {
        if key != "id" && key != "userId" {
            answer.insert(key, value);
        }
    }
    Ok(Json(Value::Object(answer)))
}
