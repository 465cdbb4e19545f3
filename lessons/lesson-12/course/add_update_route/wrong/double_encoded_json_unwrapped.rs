//! Wrong: breaks "JSON of another shape (`{"title": 5}`, `[]`, `null`: 422 [...])"
//! The learner has been bitten by the commonest JSON client bug there is, the patch encoded twice:
//! Python's `requests.patch(url, json=json.dumps(patch))`, or JavaScript's
//! `body: JSON.stringify(JSON.stringify(patch))`, sends a JSON *string* whose text is the object.
//! "Be lenient in what you accept": the body is read as a `serde_json::Value` by `Json` (so 415 and
//! 400 stay the extractor's), a string is parsed once more, and anything else is read as the patch,
//! a 422 when it is not one. Objects, arrays, numbers, `null` and strings that are not JSON all get
//! the contract's answer; the body `"{\"title\":\"new\"}"` edits the post instead of a 422.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
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

/// The patch in `value`, or in the JSON text `value` holds when a client encoded it twice.
fn read_patch(value: Value) -> Result<PostPatch, serde_json::Error> {
    match value {
        Value::String(text) => serde_json::from_str(&text),
        other => serde_json::from_value(other),
    }
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(value): Json<Value>,
) -> Result<Json<lesson_support::models::Post>, Response> {
    let patch = read_patch(value).map_err(|err| {
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("Failed to deserialize the JSON body into the target type: {err}"),
        )
            .into_response()
    })?;
    if let Some(title) = &patch.title {
        check_title(title).map_err(IntoResponse::into_response)?;
    }
    let mut store = state.store();
    let post = store
        .get_mut(id)
        .ok_or_else(|| ApiError::NotFound(id).into_response())?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
