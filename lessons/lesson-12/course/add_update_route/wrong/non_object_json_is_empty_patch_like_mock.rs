//! Wrong: breaks "JSON of another shape (`{"title": 5}`, `[]`, `null`: 422 ...)"
//! The learner ports the mock server's PATCH, whose `json_object` helper reads the body and counts
//! anything that is not a JSON object as `{}`: the body is taken as a `serde_json::Value` (so the
//! `Json` extractor still answers 415 and 400 itself), an object is read into the patch (a wrong
//! type is a 422), and `[]`, `null`, `5`, `"t"` or `true` become a patch of nothing, answered `200`
//! with the post as it is.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;
use serde_json::{Map, Value};

/// The fields a patch may change; the others are ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// The request body as a JSON object; anything else counts as `{}` (the mock server's rule).
fn json_object(sent: Value) -> Map<String, Value> {
    match sent {
        Value::Object(fields) => fields,
        _ => Map::new(),
    }
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(sent): Json<Value>,
) -> Result<Response, ApiError> {
    let patch: PostPatch = match serde_json::from_value(Value::Object(json_object(sent))) {
        Ok(patch) => patch,
        Err(err) => {
            let text = format!("Failed to deserialize the JSON body into the target type: {err}");
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, text).into_response());
        }
    };
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
    let post = post.clone();
    drop(store);
    Ok(Json(post).into_response())
}
