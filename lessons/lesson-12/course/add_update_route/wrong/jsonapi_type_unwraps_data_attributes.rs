//! Wrong: breaks "the body is a JSON object with any of `title` and `body`, each a string" together with "a `Content-Type` the `Json` extractor does not take (415; it takes `application/json` and any `application/…+json` ...)": every `+json` type carries the same flat patch
//! The learner's admin front end is Ember Data, which speaks JSON:API: its requests say
//! `Content-Type: application/vnd.api+json` and wrap the fields as
//! `{"data": {"type": "posts", "id": "1", "attributes": {"title": ..}}}`. So when the request names
//! that media type, the route reads the patch from `data.attributes` (the JSON:API document), and
//! every other JSON type (`application/json`, `Application/JSON`, `application/merge-patch+json`)
//! as the flat object. A flat patch sent as `application/vnd.api+json`, which `Json` takes like
//! any `+json` type, is refused with a 422 ("missing field `data`") instead of being applied.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// A JSON:API document: `{"data": {"type": .., "id": .., "attributes": {..}}}`.
#[derive(Debug, Deserialize)]
struct Document {
    data: Resource,
}

#[derive(Debug, Deserialize)]
struct Resource {
    attributes: PostPatch,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

fn is_json_api(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| {
            value
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("application/vnd.api+json")
        })
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    headers: HeaderMap,
    Json(value): Json<Value>,
) -> Response {
    let read = if is_json_api(&headers) {
        serde_json::from_value::<Document>(value).map(|document| document.data.attributes)
    } else {
        serde_json::from_value::<PostPatch>(value)
    };
    let patch = match read {
        Ok(patch) => patch,
        Err(err) => {
            return (
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("Failed to deserialize the JSON body into the target type: {err}"),
            )
                .into_response();
        }
    };
    if let Some(title) = &patch.title {
        if let Err(err) = check_title(title) {
            return err.into_response();
        }
    }
    let mut store = state.store();
    let Some(post) = store.get_mut(id) else {
        return ApiError::NotFound(id).into_response();
    };
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    let answer = post.clone();
    drop(store);
    Json(answer).into_response()
}
