//! Wrong: breaks "any other field (`id`, `userId`, …) is ignored" for a patch object with a `__proto__` member (`PATCH /posts/1` with `{"title": "t", "__proto__": {}}` or `{"title": "t", "__proto__": null}`: 400 `{"error": "Object contains forbidden prototype property"}` and no change, where the reference edits the title and answers 200)
//! The learner comes from Node, where Fastify's body parser refuses any JSON with a `__proto__`
//! key (`onProtoPoisoning: 'error'`, secure-json-parse) to stop prototype pollution, and carries
//! the guard over. To keep axum's own answers for every other bad body, the body is read as
//! bytes, `Json` is asked for its 415 with the headers alone, and `Json::from_bytes` parses the
//! patch; only then are the object's keys scanned for `__proto__`. Every other field is ignored
//! as the reference ignores it; `__proto__` is just a field name in Rust.

use std::collections::HashMap;

use axum::Json;
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use serde::de::IgnoredAny;

/// The fields a `PATCH` may change; absent or `null` is `None`, other fields are ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// Whether the JSON object names `__proto__` (whatever its value), as secure-json-parse checks.
fn has_proto_key(bytes: &[u8]) -> bool {
    serde_json::from_slice::<HashMap<String, IgnoredAny>>(bytes)
        .is_ok_and(|keys| keys.contains_key("__proto__"))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    // `Json` answers a type it does not take before it reads a byte: ask it with no body.
    let type_probe = Request::from_parts(parts.clone(), Body::empty());
    if let Err(JsonRejection::MissingJsonContentType(rejection)) =
        Json::<IgnoredAny>::from_request(type_probe, &state).await
    {
        return rejection.into_response();
    }
    let bytes = match Bytes::from_request(Request::from_parts(parts, body), &state).await {
        Ok(bytes) => bytes,
        Err(rejection) => return rejection.into_response(),
    };
    let patch = match Json::<PostPatch>::from_bytes(&bytes) {
        Ok(Json(patch)) => patch,
        Err(rejection) => return rejection.into_response(),
    };
    if has_proto_key(&bytes) {
        let error = ErrorBody {
            error: "Object contains forbidden prototype property".to_owned(),
        };
        return (StatusCode::BAD_REQUEST, Json(error)).into_response();
    }
    match apply(&state, id, patch) {
        Ok(post) => Json(post).into_response(),
        Err(error) => error.into_response(),
    }
}

/// Every check, then every change, under one lock.
fn apply(state: &AppState, id: u64, patch: PostPatch) -> Result<Post, ApiError> {
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
    Ok(post.clone())
}
